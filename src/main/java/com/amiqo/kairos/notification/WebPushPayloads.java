package com.amiqo.kairos.notification;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON a browser's service worker receives (before encryption): the same fields as
 * the APNs payload, flat: {@code kind}, {@code negotiation_id}, {@code state},
 * {@code attending} (for {@code confirmed} only), {@code title} and {@code body} (the
 * plain preview). Nothing else: never blob content, never an email. A preview that would
 * push the payload over what one encrypted record carries is shortened.
 */
final class WebPushPayloads {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private WebPushPayloads() {
	}

	static byte[] of(Push push) {
		String preview = push.preview();
		while (true) {
			Map<String, Object> payload = push.fields();
			String title = push.kind().alertTitle();
			if (title != null) {
				payload.put("title", title);
			}
			if (preview != null) {
				payload.put("body", preview);
			}
			byte[] json = JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8);
			if (json.length <= WebPushEncryption.MAX_PLAINTEXT_BYTES || preview == null || preview.isEmpty()) {
				return json;
			}
			preview = preview.substring(0,
					preview.offsetByCodePoints(0, preview.codePointCount(0, preview.length()) / 2)) + "…";
		}
	}

}
