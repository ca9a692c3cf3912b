package com.amiqo.kairos.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import com.amiqo.kairos.support.ApiClient;
import com.amiqo.kairos.support.MockPushService;
import com.amiqo.kairos.support.TestKeys;
import com.amiqo.kairos.support.TestUser;

/**
 * A seeded generator of malformed and odd requests over every endpoint, body field, query
 * parameter and header the API reads: wrong types and shapes, broken JSON and UTF-8, odd
 * content types, bad percent-encodings, oversized headers, odd ids in paths, wrong
 * methods. Every string it makes up contains {@link #marker} so a test can prove none of
 * it reaches the log.
 */
final class FuzzedRequests {

	/**
	 * What one request may use: two users who share a negotiation, and an event of
	 * theirs.
	 */
	record Scene(TestUser organizer, TestUser guest, String negotiationId, List<String> slotIds, List<String> venueIds,
			String eventId, TestKeys guestKey) {
	}

	record Fuzzed(String method, String target, List<String> headers, byte[] body, String label) {
	}

	private record Endpoint(String method, String path, List<String> query,
			java.util.function.Function<Scene, Map<String, Object>> body, boolean arrayBody) {

		Endpoint(String method, String path, List<String> query,
				java.util.function.Function<Scene, Map<String, Object>> body) {
			this(method, path, query, body, false);
		}

	}

	private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
			"application/json;charset=ISO-8859-1", "APPLICATION/JSON", "*/*", "application/*", "text/*", "*/json",
			"text/plain", "text/json", "application/xml", "application/x-www-form-urlencoded",
			"multipart/form-data; boundary=zz", "application/merge-patch+json", ";;", "application/json; q=x; =;",
			"json", "");

	private final Random random;

	private final String marker;

	private final List<Endpoint> endpoints;

	private int counter;

	FuzzedRequests(long seed, String marker) {
		this.random = new Random(seed);
		this.marker = marker;
		this.endpoints = List.of(new Endpoint("GET", "/me", List.of(), null),
				new Endpoint("PATCH", "/me", List.of(),
						scene -> map("display_name", "Fuzzy", "locale", "en-GB", "agent_mode_default", true)),
				new Endpoint("POST", "/negotiate/start", List.of(), this::startBody),
				new Endpoint("POST", "/negotiate/reply", List.of(), this::replyBody),
				new Endpoint("POST", "/negotiate/cancel", List.of(),
						scene -> map("negotiation_id", scene.negotiationId(), "reason", "busy")),
				new Endpoint("GET", "/negotiations/{id}", List.of(), null),
				new Endpoint("GET", "/negotiations",
						List.of("state", "role", "awaiting_me", "updated_after", "limit", "cursor"), null),
				new Endpoint("GET", "/events/upcoming", List.of("limit", "after"), null),
				new Endpoint("GET", "/events",
						List.of("status", "starts_after", "starts_before", "updated_after", "limit", "cursor"), null),
				new Endpoint("GET", "/events/{event}", List.of(), null),
				new Endpoint("POST", "/events", List.of(), scene -> map("title", "x")),
				new Endpoint("GET", "/health", List.of(), null), new Endpoint("GET", "/version", List.of(), null),
				new Endpoint("GET", "/web-push/vapid-public-key", List.of(), null),
				new Endpoint("PUT", "/me/web-push-subscriptions", List.of(), this::webPushBody),
				new Endpoint("DELETE", "/me/web-push-subscriptions", List.of("endpoint"), null),
				new Endpoint("POST", "/dev/tokens", List.of(), scene -> map("uid", "fuzz-dev", "name", "Dev")),
				new Endpoint("GET", "/no/such/route", List.of(), null),
				new Endpoint("PUT", "/me/keys/{key}", List.of(),
						scene -> map("public_key", new LinkedHashMap<>(scene.guestKey().jwk()), "label", "phone")),
				new Endpoint("GET", "/me/keys", List.of(), null),
				new Endpoint("DELETE", "/me/keys/{key}", List.of(), null),
				new Endpoint("GET", "/negotiations/{id}/keys", List.of(), null),
				new Endpoint("PUT", "/negotiations/{id}/wrapped-keys", List.of(), scene -> map("recipient_key_id",
						scene.guestKey().keyId(), "wrapped_key", "QUJD", "wrapped_key_version", 1), true));
	}

	/**
	 * A browser's subscription on the tests' push service, as the web client sends it.
	 */
	private Map<String, Object> webPushBody(Scene scene) {
		MockPushService.Subscriber browser = MockPushService.get().subscriber();
		return map("endpoint", browser.endpoint(), "keys", map("p256dh", browser.p256dh(), "auth", browser.auth()));
	}

	/**
	 * Requests whose framing the web server refuses before any endpoint sees them: a
	 * request line of another HTTP version, a method it does not implement, transfer
	 * codings it does not support, chunked bodies it cannot read, contradicting lengths.
	 * Each is sent as written, byte for byte, with the marker in its target.
	 */
	List<String> framing(String token) {
		String json = "{\"negotiation_id\": \"" + marker + "\"}";
		String auth = "Authorization: Bearer " + token + "\r\n";
		return List.of("GET /health?" + marker + " HTTP/2.0\r\nHost: localhost\r\n\r\n",
				"GET /health?" + marker + " HTTP/3.0\r\nHost: localhost\r\nConnection: close\r\n\r\n",
				"GET /health?" + marker + " HTTP/1.2\r\nHost: localhost\r\nConnection: close\r\n\r\n",
				"CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443\r\nX-Fuzz: " + marker
						+ "\r\nConnection: close\r\n\r\n",
				chunked("POST /negotiate/cancel?" + marker, auth + "Transfer-Encoding: gzip, chunked\r\n", json),
				chunked("POST /negotiate/cancel?" + marker, auth + "Transfer-Encoding: identity\r\n", json),
				chunked("GET /health?" + marker, "Transfer-Encoding: identity\r\n", json),
				chunked("POST /negotiate/cancel?" + marker, auth + "Transfer-Encoding: chunked, gzip\r\n", json),
				chunked("POST /negotiate/cancel?" + marker, auth + "Transfer-Encoding: x-" + marker + "\r\n", json),
				raw("POST /negotiate/cancel?" + marker, auth + "Transfer-Encoding: chunked\r\n",
						"zz\r\n" + json + "\r\n0\r\n\r\n"),
				raw("PATCH /me?" + marker, auth + "Transfer-Encoding: chunked\r\n", "zz\r\n{}\r\n0\r\n\r\n"),
				raw("POST /negotiate/cancel?" + marker, auth + "Transfer-Encoding: chunked\r\n",
						"ffffffffffffffffff\r\n" + json + "\r\n0\r\n\r\n"),
				raw("POST /negotiate/cancel?" + marker, auth + "Transfer-Encoding: chunked\r\n",
						"5\r\n" + json + "\r\n0\r\n\r\n"),
				raw("POST /negotiate/cancel?" + marker, auth + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
						"zz\r\n\r\n"),
				raw("POST /negotiate/cancel?" + marker, auth + "Content-Length: x" + marker + "\r\n", json),
				raw("POST /negotiate/cancel?" + marker, auth + "Content-Length: 3\r\nContent-Length: 4\r\n", json));
	}

	private static String chunked(String requestLine, String headers, String body) {
		return raw(requestLine, headers, Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");
	}

	private static String raw(String requestLine, String headers, String body) {
		return requestLine + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + headers
				+ "Connection: close\r\n\r\n" + body;
	}

	Fuzzed next(Scene scene) {
		Endpoint endpoint = pick(endpoints);
		List<String> labels = new ArrayList<>();
		String method = endpoint.method();
		if (chance(5)) {
			method = pick(List.of("DELETE", "PUT", "OPTIONS", "HEAD", "PATCH", "POST", "GET", "FOO"));
			labels.add("method=" + method);
		}
		String path = endpoint.path()
			.replace("{id}", scene.negotiationId())
			.replace("{event}", scene.eventId())
			.replace("{key}", scene.guestKey().keyId());
		if (path.endsWith(scene.negotiationId()) || path.endsWith(scene.eventId())
				|| path.endsWith(scene.guestKey().keyId())) {
			if (chance(30)) {
				String id = pick(List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "%ZZ", "%2F", "%00",
						"%E2%82", "..%2F..", "a;b=c", "%C0%AF", marker + next(), "x".repeat(300), "%20"));
				path = path.substring(0, path.lastIndexOf('/') + 1) + id;
				labels.add("path-id");
			}
		}
		String query = query(endpoint, labels);
		List<String> headers = headers(scene, labels);
		byte[] body = new byte[0];
		if (endpoint.body() != null) {
			body = body(endpoint.body().apply(scene), labels);
			if (endpoint.arrayBody() && chance(85)) {
				body = concat(concat("[".getBytes(StandardCharsets.UTF_8), body), "]".getBytes(StandardCharsets.UTF_8));
			}
			String contentType = chance(20) ? pick(CONTENT_TYPES) : "application/json";
			if (!contentType.startsWith("application/json")) {
				labels.add("content-type=" + contentType);
			}
			if (!chance(3)) {
				headers.add("Content-Type: " + contentType);
			}
			else {
				labels.add("no-content-type");
			}
		}
		return new Fuzzed(method, path + query, headers, body, method + " " + path + query.length() + " " + labels);
	}

	private String query(Endpoint endpoint, List<String> labels) {
		if (!chance(endpoint.query().isEmpty() ? 15 : 60)) {
			return "";
		}
		StringBuilder query = new StringBuilder("?");
		int count = 1 + random.nextInt(3);
		for (int i = 0; i < count; i++) {
			String name = !endpoint.query().isEmpty() && chance(80) ? pick(endpoint.query())
					: pick(List.of("foo", marker + next(), "%ZZ", "", "a%00b", "limit", "state"));
			query.append(i == 0 ? "" : "&").append(name);
			if (!chance(10)) {
				query.append('=').append(queryValue());
			}
		}
		labels.add("query");
		return query.toString();
	}

	private String queryValue() {
		return pick(List.of("", "-1", "0", "1", "100", "101", "99999999999999999999", "true", "maybe", "%ZZ", "%E2%82",
				"%C0%AF", "%25ZZ", "%", "%2", "+", "a+b", "%00", "%0A", "%F0%9F%98%80", "2026-13-45T99:99:99Z",
				"2030-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "awaiting_replies,bogus", "confirmed", "organizer",
				"eyJ" + marker, marker + next(), "x".repeat(2000 + random.nextInt(3000))));
	}

	private List<String> headers(Scene scene, List<String> labels) {
		List<String> headers = new ArrayList<>();
		int auth = random.nextInt(100);
		if (auth < 70) {
			headers.add("Authorization: Bearer " + (chance(50) ? scene.organizer() : scene.guest()).token());
		}
		else if (auth < 76) {
			labels.add("no-auth");
		}
		else {
			headers.add("Authorization: " + pick(List.of("Bearer " + marker + next(), "Basic " + marker,
					"Bearer " + marker + "." + marker + "." + marker, "bearer  ", "Bearer " + "a".repeat(9000),
					"Bearer eyJhbGciOiJub25lIn0." + marker + ".")));
			labels.add("bad-auth");
		}
		if (chance(10)) {
			headers.add("Kairos-API-Version: " + pick(List.of("1", " 1 ", "2", "", "01", "1.0", marker)));
			labels.add("api-version");
		}
		if (chance(15)) {
			// Valid ids are echoed and logged by design, so only invalid ones carry the
			// marker.
			headers.add("X-Request-Id: "
					+ pick(List.of("fuzz-request-1", "x".repeat(129), "has space " + marker, marker + "!", "")));
			labels.add("request-id");
		}
		if (chance(10)) {
			headers.add(pick(List.of("If-Match: ", "If-None-Match: ")) + pick(
					List.of("\"0\"", "W/\"1\"", "*", "7", "\"" + marker + "\"", "\"99999999999999999999\"", "")));
			labels.add("conditional");
		}
		if (chance(10)) {
			headers.add("Accept: " + pick(
					List.of("application/json", "text/html", "*/*", "application/xml", "image/png;q=0", marker)));
			labels.add("accept");
		}
		if (chance(10)) {
			headers.add("Accept-Language: "
					+ pick(List.of("en-GB", "*", "xx-" + marker, "de;q=2", ",,,", "", "x".repeat(500))));
			labels.add("accept-language");
		}
		if (chance(4)) {
			headers.add("X-Fuzz-" + next() + ": " + marker + "y".repeat(2000 + random.nextInt(9000)));
			labels.add("big-header");
		}
		return headers;
	}

	private byte[] body(Map<String, Object> valid, List<String> labels) {
		int kind = random.nextInt(100);
		if (kind < 12) {
			labels.add("raw-body");
			return rawBody();
		}
		Map<String, Object> body = new LinkedHashMap<>(valid);
		if (kind < 90 && !body.isEmpty()) {
			int mutations = 1 + random.nextInt(2);
			for (int i = 0; i < mutations && !body.isEmpty(); i++) {
				String field = pick(new ArrayList<>(body.keySet()));
				if (chance(15)) {
					body.remove(field);
					labels.add("-" + field);
				}
				else {
					body.put(field, odd());
					labels.add("~" + field);
				}
			}
		}
		if (chance(10)) {
			body.put(marker + next(), odd());
		}
		byte[] json = ApiClient.json(body).getBytes(StandardCharsets.UTF_8);
		if (chance(5)) {
			labels.add("utf16");
			return ApiClient.json(body).getBytes(StandardCharsets.UTF_16);
		}
		return json;
	}

	private byte[] rawBody() {
		return switch (random.nextInt(12)) {
			case 0 -> new byte[0];
			case 1 -> "null".getBytes(StandardCharsets.UTF_8);
			case 2 -> ("{\"display_name\":\"" + marker + "\"").getBytes(StandardCharsets.UTF_8);
			case 3 -> ("[".repeat(3000) + "]".repeat(3000)).getBytes(StandardCharsets.UTF_8);
			case 4 -> ("{\"display_name\":\"" + marker + "\u0000\",\"x\":" + "1".repeat(400) + "}")
				.getBytes(StandardCharsets.UTF_8);
			case 5 -> concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
					("{\"title\":\"" + marker + "\"}").getBytes(StandardCharsets.UTF_8));
			case 6 -> concat(("{\"title\":\"" + marker).getBytes(StandardCharsets.UTF_8),
					new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xE2, (byte) 0x82, '"', '}' });
			case 7 -> ("{\"reason\":\"" + marker + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
			case 8 -> ("negotiation_id=" + marker + "&encrypted_payload=" + marker).getBytes(StandardCharsets.UTF_8);
			case 9 -> ("{\"a\":1}{\"b\":2}").getBytes(StandardCharsets.UTF_8);
			case 10 -> ("{'single':'" + marker + "'}").getBytes(StandardCharsets.UTF_8);
			default -> {
				byte[] junk = new byte[1 + random.nextInt(200)];
				random.nextBytes(junk);
				yield junk;
			}
		};
	}

	private Object odd() {
		List<Supplier<Object>> values = List.of(() -> null, () -> 0, () -> -1, () -> Long.MAX_VALUE, () -> 1.5e308,
				() -> -0.0, () -> true, () -> "", () -> " ", () -> marker + next(), () -> marker + "x".repeat(5000),
				() -> marker + "\u0000", () -> marker + "\ud83d\ude00\u202e", () -> "\ud800" + marker,
				() -> "2026-13-45T99:99:99Z", () -> "9999-12-31T23:59:59Z", () -> "+999999-01-01T00:00:00Z",
				() -> "1970-01-01T00:00:00Z", () -> Instant.now().plus(2, ChronoUnit.DAYS).toString(),
				() -> "00000000-0000-0000-0000-000000000000", () -> "accept", () -> "counter", () -> "decline",
				() -> "coffee", () -> "QUJD", () -> "not base64!" + marker, () -> List.of(), () -> List.of(List.of()),
				() -> Map.of(), () -> Map.of(marker, Map.of("b", List.of(1))),
				() -> java.util.Collections.singletonList(null), () -> List.of(1, marker, true),
				() -> List.of(Map.of("starts_at", "garbage" + marker)), () -> List.of(Map.of("name", 5)),
				() -> List.of(marker + next()),
				() -> java.util.Collections.nCopies(60, "00000000-0000-0000-0000-000000000000"),
				() -> List.of(Map.of("starts_at", Instant.now().plus(3, ChronoUnit.DAYS).toString(), "duration_minutes",
						99999, "timezone", marker)));
		return pick(values).get();
	}

	private Map<String, Object> startBody(Scene scene) {
		Map<String, Object> slot = map("starts_at",
				Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString(), "duration_minutes", 60,
				"timezone", "Europe/Berlin");
		Map<String, Object> venue = map("name", "Cafe", "provider_id", "p1", "metadata",
				map("lat", 52.5, "tags", List.of("a")));
		Map<String, Object> body = map("title", "Coffee", "intent_category", "coffee", "participant_ids",
				List.of(scene.guest().uid()), "proposed_slots", List.of(slot), "proposed_venues", List.of(venue),
				"agent_mode", false, "expires_at", Instant.now().plus(1, ChronoUnit.DAYS).toString(), "send", true);
		body.put("encrypted_payload", "QUJD");
		body.put("encrypted_blob_version", 1);
		if (chance(30)) {
			body.put("id", java.util.UUID.randomUUID().toString());
		}
		return body;
	}

	private Map<String, Object> replyBody(Scene scene) {
		Map<String, Object> body = map("negotiation_id", scene.negotiationId(), "action",
				pick(List.of("accept", "decline", "counter")), "slot_ids", scene.slotIds(), "venue_ids",
				scene.venueIds());
		body.put("counter_slots", List
			.of(map("starts_at", Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString())));
		body.put("counter_venues", List.of(map("name", "Bar")));
		body.put("encrypted_payload", "QUJD");
		body.put("encrypted_blob_version", 1);
		return body;
	}

	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] result = new byte[a.length + b.length];
		System.arraycopy(a, 0, result, 0, a.length);
		System.arraycopy(b, 0, result, a.length, b.length);
		return result;
	}

	private boolean chance(int percent) {
		return random.nextInt(100) < percent;
	}

	private <T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private int next() {
		return ++counter;
	}

}
