package com.amiqo.kairos.notification;

import org.jspecify.annotations.Nullable;

/**
 * Web Push as this instance runs it: the VAPID key pair (null when Web Push is off, which
 * only a production deployment without {@code WEB_PUSH_VAPID_*} is), the subject the
 * tokens name, and the push services it may post to.
 */
record WebPushSetup(@Nullable VapidKeys keys, String subject, PushServiceAllowlist allowlist) {

	boolean enabled() {
		return keys != null;
	}

}
