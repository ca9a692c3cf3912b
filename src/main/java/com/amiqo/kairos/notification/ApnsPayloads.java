package com.amiqo.kairos.notification;

import com.eatthepath.pushy.apns.util.ApnsPayloadBuilder;
import com.eatthepath.pushy.apns.util.SimpleApnsPayloadBuilder;

/**
 * The APNs JSON of a push: ids, the kind, the state, whether the recipient attends (for
 * {@code confirmed} only) and the plain preview, nothing else (never blob content, never
 * an email). Visible kinds carry an alert; {@code evaluate} is a silent background push
 * ({@code content-available: 1}, no alert).
 */
final class ApnsPayloads {

	private ApnsPayloads() {
	}

	static String of(Push push) {
		ApnsPayloadBuilder payload = new SimpleApnsPayloadBuilder();
		if (push.kind().isSilent()) {
			payload.setContentAvailable(true);
		}
		else {
			payload.setAlertTitle(push.kind().alertTitle());
			if (push.preview() != null) {
				payload.setAlertBody(push.preview());
			}
			payload.setSound(ApnsPayloadBuilder.DEFAULT_SOUND_FILENAME);
		}
		if (push.threadId() != null) {
			payload.setThreadId(push.threadId());
		}
		push.fields().forEach(payload::addCustomProperty);
		return payload.build();
	}

}
