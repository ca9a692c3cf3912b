package com.amiqo.kairos.api;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An opaque client-encrypted payload (SPEC §8): standard, padded base64 of at most 16 KiB
 * decoded, with a version ≥ 1. The server checks only that shape; it never decodes, logs
 * or changes the content, and stores the string exactly as sent.
 */
public record EncryptedBlob(String payload, int version) {

	public static final int MAX_DECODED_BYTES = 16 * 1024;

	/**
	 * The blob of a request, or null when none was sent; shape errors name
	 * {@code <prefix>encrypted_payload}.
	 */
	public static @Nullable EncryptedBlob of(@Nullable String payload, @Nullable Integer version, String fieldPrefix) {
		String payloadField = fieldPrefix + "encrypted_payload";
		String versionField = fieldPrefix + "encrypted_blob_version";
		if (payload == null) {
			if (version != null) {
				throw ApiException.invalidField(versionField, "is only allowed together with encrypted_payload");
			}
			return null;
		}
		if (!isPaddedBase64(payload)) {
			throw ApiException.invalidField(payloadField, "must be standard base64 with padding");
		}
		if (decodedLength(payload) > MAX_DECODED_BYTES) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR, payloadField + ": must be at most 16 KiB decoded",
					Map.of("field", payloadField, "fields", Map.of(payloadField, "must be at most 16 KiB decoded"),
							"max_bytes", MAX_DECODED_BYTES));
		}
		if (version == null || version < 1) {
			throw ApiException.invalidField(versionField, "must be an integer >= 1 when encrypted_payload is sent");
		}
		return new EncryptedBlob(payload, version);
	}

	/** Standard alphabet, length a multiple of 4, at most two '=' and only at the end. */
	static boolean isPaddedBase64(String value) {
		if (value.length() % 4 != 0) {
			return false;
		}
		int padding = value.endsWith("==") ? 2 : value.endsWith("=") ? 1 : 0;
		for (int i = 0; i < value.length() - padding; i++) {
			char c = value.charAt(i);
			boolean inAlphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
					|| c == '/';
			if (!inAlphabet) {
				return false;
			}
		}
		return true;
	}

	private static long decodedLength(String base64) {
		int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
		return (long) base64.length() / 4 * 3 - padding;
	}

	@Override
	public String toString() {
		// Never let the content reach a log line through toString().
		return "EncryptedBlob[version=" + version + ", " + payload.length() + " chars]";
	}
}
