@NullMarked
package com.amiqo.kairos.notification;

import org.jspecify.annotations.NullMarked;
