@NullMarked
package com.amiqo.kairos.event;

import org.jspecify.annotations.NullMarked;
