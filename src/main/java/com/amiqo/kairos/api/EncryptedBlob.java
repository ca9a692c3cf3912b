package com.amiqo.kairos.api;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.api.error.ApiException;

/**
 * An opaque client-encrypted payload (docs/reference.md#encrypted-blobs): standard,
 * padded base64 of at most 16 KiB decoded, with a version ≥ 1. The server checks only
 * that shape; it never decodes, logs or changes the content, and stores the string
 * exactly as sent. The shape rule is {@link #problemWith}; requests check it with
 * {@link EncryptedBlobFields}.
 */
public record EncryptedBlob(String payload, int version) {

	public static final int MAX_DECODED_BYTES = 16 * 1024;

	/**
	 * A request that carries a blob as {@code encrypted_payload} and
	 * {@code encrypted_blob_version} (a record with those components implements it as
	 * is).
	 */
	public interface Fields {

		@Nullable String encryptedPayload();

		@Nullable Integer encryptedBlobVersion();

	}

	/** The request field a shape problem is about. */
	public enum Field {

		PAYLOAD("encryptedPayload"), VERSION("encryptedBlobVersion");

		private final String javaName;

		Field(String javaName) {
			this.javaName = javaName;
		}

		String javaName() {
			return javaName;
		}

	}

	/**
	 * What is wrong with a blob's fields.
	 *
	 * @param field the field at fault
	 * @param message the problem, without the value
	 * @param details more error details ({@code max_bytes})
	 */
	public record Problem(Field field, String message, Map<String, Object> details) {
	}

	/**
	 * The first problem of a request's blob fields, or null when they are absent or well
	 * shaped.
	 */
	public static @Nullable Problem problemWith(@Nullable String payload, @Nullable Integer version) {
		if (payload == null) {
			return version == null ? null
					: new Problem(Field.VERSION, "is only allowed together with encrypted_payload", Map.of());
		}
		if (!isPaddedBase64(payload)) {
			return new Problem(Field.PAYLOAD, "must be standard base64 with padding", Map.of());
		}
		if (decodedLength(payload) > MAX_DECODED_BYTES) {
			return new Problem(Field.PAYLOAD, "must be at most 16 KiB decoded", Map.of("max_bytes", MAX_DECODED_BYTES));
		}
		if (version == null || version < 1) {
			return new Problem(Field.VERSION, "must be an integer >= 1 when encrypted_payload is sent", Map.of());
		}
		return null;
	}

	/**
	 * The blob of a request, or null when none was sent. Requests are checked by
	 * {@link EncryptedBlobFields} before this runs, so a shape error here means a caller
	 * skipped validation; it still fails as the same 400 rather than storing a bad blob.
	 */
	public static @Nullable EncryptedBlob of(Fields request) {
		String payload = request.encryptedPayload();
		Integer version = request.encryptedBlobVersion();
		Problem problem = problemWith(payload, version);
		if (problem != null) {
			throw ApiException.invalidFields(
					Map.of(JsonNames.fromJavaPath(problem.field().javaName()), problem.message()), problem.details());
		}
		return payload == null || version == null ? null : new EncryptedBlob(payload, version);
	}

	/**
	 * Standard alphabet, length a multiple of 4, at most two '=' and only at the end: the
	 * form of every base64 value the API takes (blobs, wrapped keys).
	 */
	public static boolean isPaddedBase64(String value) {
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

	/** The byte length of a value {@link #isPaddedBase64} accepts. */
	public static long decodedLength(String base64) {
		int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
		return (long) base64.length() / 4 * 3 - padding;
	}

	@Override
	public String toString() {
		// Never let the content reach a log line through toString().
		return "EncryptedBlob[version=" + version + ", " + payload.length() + " chars]";
	}
}
