package com.amiqo.kairos.api.paging;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.secret.Sha256;

/**
 * Opaque keyset cursors: the position {@code (updated_at, id)} of the last row served,
 * bound to the list, the user and the filters it was made for, signed with HMAC-SHA256
 * and valid for 24 hours. A cursor that was altered, belongs to another user, list or
 * filter set, or is too old is {@code 400 INVALID_CURSOR}.
 */
@Component
public class PageCursors {

	private static final String VERSION = "c1";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	/** Keyed once; never used itself, only cloned (see {@link #sign}). */
	private final Mac signer;

	private final CursorProperties properties;

	private final Clock clock;

	public PageCursors(CursorProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		byte[] secret;
		if (properties.secret() == null || properties.secret().isBlank()) {
			secret = new byte[32];
			new SecureRandom().nextBytes(secret);
		}
		else {
			secret = properties.secret().getBytes(StandardCharsets.UTF_8);
		}
		this.signer = keyed(new SecretKeySpec(secret, "HmacSHA256"));
	}

	/** Where a page ended. */
	public record Position(Instant updatedAt, UUID id) {
	}

	/**
	 * One page of a list: its items and, when more follow, the cursor of the next page.
	 */
	public record Page<T>(List<T> items, @Nullable String nextCursor, boolean hasMore) {
	}

	/**
	 * Fetches one page's rows: at most {@code limit}, strictly after the position when
	 * given.
	 */
	@FunctionalInterface
	public interface Rows<T> {

		List<T> fetch(@Nullable Position after, int limit);

	}

	/**
	 * One page of a user's list: decodes the cursor (bound to the list, the user and the
	 * filters), fetches one row more than the page holds, and cuts the page from them.
	 * @param filters the list's filters as text: a cursor continues only the same query
	 */
	public <T> Page<T> page(String list, UUID userId, String filters, int limit, @Nullable String cursor, Rows<T> rows,
			Function<T, Position> positionOf) {
		String scope = userId + "|" + filters;
		Position after = (cursor != null) ? decode(cursor, list, scope) : null;
		return page(rows.fetch(after, limit + 1), limit, list, scope, positionOf);
	}

	/**
	 * Cuts a page from rows fetched with one extra row (which only tells whether more
	 * follow) and signs the position of its last item as the next cursor.
	 */
	public <T> Page<T> page(List<T> rowsPlusOne, int limit, String list, String scope,
			Function<T, Position> positionOf) {
		if (rowsPlusOne.size() <= limit) {
			return new Page<>(rowsPlusOne, null, false);
		}
		List<T> items = rowsPlusOne.subList(0, limit);
		return new Page<>(items, encode(list, scope, positionOf.apply(items.get(limit - 1))), true);
	}

	/**
	 * The signed cursor of the page after {@code position}.
	 * @param list which list ("negotiations", "events")
	 * @param scope who and which filters: the cursor only works again for the same scope
	 */
	public String encode(String list, String scope, Position position) {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, position.updatedAt());
		String payload = String.join("|", VERSION, list, digest(scope), Long.toString(micros), position.id().toString(),
				Long.toString(clock.instant().getEpochSecond()));
		String encodedPayload = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		return encodedPayload + "." + ENCODER.encodeToString(sign(encodedPayload));
	}

	public Position decode(String cursor, String list, String scope) {
		String[] parts = cursor.split("\\.", -1);
		if (parts.length != 2 || !MessageDigest.isEqual(sign(parts[0]), decodeBase64(parts[1]))) {
			throw invalid("the cursor was altered or is not one of ours");
		}
		String[] fields = new String(decodeBase64(parts[0]), StandardCharsets.UTF_8).split("\\|", -1);
		if (fields.length != 6 || !VERSION.equals(fields[0])) {
			throw invalid("the cursor format is unknown");
		}
		if (!fields[1].equals(list) || !fields[2].equals(digest(scope))) {
			throw invalid("the cursor belongs to another list, user or filter");
		}
		try {
			Instant issuedAt = Instant.ofEpochSecond(Long.parseLong(fields[5]));
			if (issuedAt.plus(properties.ttl()).isBefore(clock.instant())) {
				throw invalid("the cursor has expired; start again from the first page");
			}
			return new Position(Instant.EPOCH.plus(Long.parseLong(fields[3]), ChronoUnit.MICROS),
					UUID.fromString(fields[4]));
		}
		catch (IllegalArgumentException e) {
			throw invalid("the cursor format is unknown");
		}
	}

	/**
	 * Cloned from a keyed prototype, so a cursor costs neither a provider walk
	 * ({@code Mac.getInstance}) nor a key schedule ({@code init}).
	 */
	private byte[] sign(String payload) {
		try {
			return ((Mac) signer.clone()).doFinal(payload.getBytes(StandardCharsets.UTF_8));
		}
		catch (CloneNotSupportedException e) {
			throw new IllegalStateException("The JDK's HmacSHA256 can be cloned", e);
		}
	}

	private static Mac keyed(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException("HmacSHA256 unavailable", e);
		}
	}

	private static String digest(String scope) {
		return ENCODER.encodeToString(Sha256.of(scope)).substring(0, 22);
	}

	/**
	 * Strict: only the canonical encoding is accepted, so no two cursor strings mean the
	 * same cursor.
	 */
	private static byte[] decodeBase64(String value) {
		try {
			byte[] bytes = DECODER.decode(value);
			return ENCODER.encodeToString(bytes).equals(value) ? bytes : new byte[0];
		}
		catch (IllegalArgumentException e) {
			return new byte[0];
		}
	}

	private static ApiException invalid(String reason) {
		return new ApiException(ErrorCode.INVALID_CURSOR, "Invalid cursor: " + reason, Map.of("field", "cursor"));
	}

}
