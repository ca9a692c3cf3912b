@NullMarked
package com.amiqo.kairos.negotiation;

import org.jspecify.annotations.NullMarked;
