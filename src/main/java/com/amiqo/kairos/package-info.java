@NullMarked
package com.amiqo.kairos;

import org.jspecify.annotations.NullMarked;
