@NullMarked
package com.amiqo.kairos.auth;

import org.jspecify.annotations.NullMarked;
