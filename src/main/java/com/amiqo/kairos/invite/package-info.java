@NullMarked
package com.amiqo.kairos.invite;

import org.jspecify.annotations.NullMarked;
