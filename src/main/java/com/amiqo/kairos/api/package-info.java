@NullMarked
package com.amiqo.kairos.api;

import org.jspecify.annotations.NullMarked;
