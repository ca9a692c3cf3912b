@NullMarked
package com.amiqo.kairos.calendar;

import org.jspecify.annotations.NullMarked;
