@NullMarked
package com.amiqo.kairos.user;

import org.jspecify.annotations.NullMarked;
