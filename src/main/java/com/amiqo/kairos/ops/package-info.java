@NullMarked
package com.amiqo.kairos.ops;

import org.jspecify.annotations.NullMarked;
