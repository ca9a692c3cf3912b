package com.amiqo.kairos.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.support.ApiClient;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of every request body, replaced in turn by values of the wrong type, shape
 * or range: the answer is always a success or a 4xx error envelope, never a 500.
 */
class WrongFieldValuesTest extends ApiTest {

	private static final List<Object> ODD_VALUES = odd();

	@Test
	void everyBodyFieldWithAnOddValueNeverCausesA5xx() {
		TestUser organizer = signIn("Olga");
		TestUser guest = signIn("Gus");
		Map<String, Object> start = new LinkedHashMap<>();
		start.put("title", "Coffee");
		start.put("intent_category", "coffee");
		start.put("participant_ids", List.of(guest.uid()));
		start.put("proposed_slots",
				List.of(Map.of("starts_at", "2030-01-01T10:00:00Z", "duration_minutes", 60, "timezone", "UTC")));
		start.put("proposed_venues", List.of(Map.of("name", "Cafe", "provider_id", "p1", "address", "Main St 1", "lat",
				52.5, "lon", 13.4, "metadata", Map.of("a", 1))));
		start.put("expires_at", java.time.Instant.now().plusSeconds(86400).toString());
		start.put("send", true);
		start.put("agent_mode", false);
		start.put("encrypted_payload", "AAAA");
		start.put("encrypted_blob_version", 1);
		String id = api.post("/negotiate/start")
			.token(organizer.token())
			.json(start)
			.send()
			.data()
			.path("id")
			.asString();

		Map<String, Object> reply = new LinkedHashMap<>();
		reply.put("negotiation_id", id);
		reply.put("action", "counter");
		reply.put("slot_ids", List.of());
		reply.put("venue_ids", List.of());
		reply.put("counter_slots", List.of(Map.of("starts_at", "2030-01-02T10:00:00Z")));
		reply.put("counter_venues", List.of(Map.of("name", "Bar")));
		reply.put("encrypted_payload", "AAAA");
		reply.put("encrypted_blob_version", 1);

		Map<String, Object> cancel = new LinkedHashMap<>(Map.of("negotiation_id", id, "reason", "busy"));
		Map<String, Object> profile = new LinkedHashMap<>(
				Map.of("display_name", "Olga", "locale", "en", "agent_mode_default", true));
		Map<String, Object> devToken = new LinkedHashMap<>(Map.of("uid", "someone", "name", "Someone"));

		List<String> failures = new ArrayList<>();
		failures.addAll(probe("POST", "/negotiate/start", organizer, start));
		failures.addAll(probe("POST", "/negotiate/reply", guest, reply));
		failures.addAll(probe("POST", "/negotiate/cancel", guest, cancel));
		failures.addAll(probe("PATCH", "/me", organizer, profile));
		failures.addAll(probe("POST", "/dev/tokens", organizer, devToken));
		Map<String, Object> inviteLink = new LinkedHashMap<>(
				Map.of("expires_at", java.time.Instant.now().plusSeconds(3600).toString(), "max_uses", 3));
		failures.addAll(probe("POST", "/negotiations/" + id + "/invite-links", organizer, inviteLink));

		assertThat(failures).isEmpty();
	}

	@Test
	void oddQueryParametersNeverCauseA5xx() {
		TestUser user = signIn("Quinn");
		List<String> failures = new ArrayList<>();
		for (String path : List.of("/negotiations", "/events", "/events/upcoming")) {
			for (String parameter : List.of("limit", "cursor", "state", "role", "awaiting_me", "updated_after",
					"status", "starts_after", "starts_before", "after")) {
				for (String value : List.of("", "-1", "0", "101", "99999999999999999999", "abc", "%00", "true",
						"2026-13-45T99:99:99Z", "9999-12-31T23:59:59Z", "awaiting_replies,bogus", "x".repeat(3000))) {
					ApiResponse response = api.get(path + "?" + parameter + "=" + value).token(user.token()).send();
					if (response.status() >= 500 || (response.status() >= 400 && response.errorCode() == null)) {
						failures.add(path + "?" + parameter + "=" + value + " -> " + response);
					}
				}
			}
		}
		for (String id : List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "%20", "..%2F..", "%2e%2e",
				"a;b=c", "%5C", "%25")) {
			for (String path : List.of("/negotiations/", "/events/")) {
				ApiResponse response = api.get(path + id).token(user.token()).send();
				if (response.status() >= 500 || response.errorCode() == null) {
					failures.add(path + id + " -> " + response);
				}
			}
			TestUser guesser = signIn("Guesser");
			for (ApiClient.Call call : List.of(api.get("/invites/" + id), api.post("/invites/" + id + "/join"),
					api.get("/events/" + id + "/ics"), api.get("/negotiations/" + id + "/invite-links"))) {
				ApiResponse response = call.token(guesser.token()).send();
				if (response.status() >= 500 || response.errorCode() == null) {
					failures.add(id + " -> " + response);
				}
			}
			ApiResponse feed = api.get("/calendar/" + id + ".ics").send();
			if (feed.status() >= 500 || feed.errorCode() == null) {
				failures.add("/calendar/" + id + ".ics -> " + feed);
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void urlsTomcatRefusesBeforeRoutingStillGetTheJsonEnvelope() throws Exception {
		for (String target : List.of("/negotiations/%ZZ", "/negotiations?x=a|b", "/me/{x}", "/negotiations/..%2F..")) {
			String response = rawGet(target);

			assertThat(response).as(target).startsWith("HTTP/1.1 4");
			assertThat(response).as(target)
				.containsIgnoringCase("Content-Type: application/json")
				.contains("{\"error\":{\"code\":")
				.doesNotContain("<html");
		}
	}

	/**
	 * A request line sent byte for byte, since HTTP client libraries refuse to send
	 * malformed URLs.
	 */
	private String rawGet(String target) throws Exception {
		try (java.net.Socket socket = new java.net.Socket("localhost", port())) {
			socket.setSoTimeout(5000);
			socket.getOutputStream()
				.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
					.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
			return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	private List<String> probe(String method, String path, TestUser user, Map<String, Object> valid) {
		List<String> failures = new ArrayList<>();
		for (String field : valid.keySet()) {
			for (Object value : ODD_VALUES) {
				Map<String, Object> body = new LinkedHashMap<>(valid);
				body.put(field, value);
				check(failures, method, path, user, ApiClient.json(body), field + "=" + abbreviated(value));
			}
		}
		for (String raw : List.of("null", "[]", "42", "\"text\"", "{\"a\":", "{}",
				"{\"" + "k".repeat(5000) + "\":1}")) {
			check(failures, method, path, user, raw, raw.length() > 40 ? raw.substring(0, 40) : raw);
		}
		return failures;
	}

	private void check(List<String> failures, String method, String path, TestUser user, String body, String label) {
		ApiClient.Call call = switch (method) {
			case "PATCH" -> api.patch(path);
			default -> api.post(path);
		};
		ApiResponse response = call.token(user.token()).json(body).send();
		if (response.status() >= 500 || (response.status() >= 400 && response.errorCode() == null)) {
			failures.add(method + " " + path + " " + label + " -> " + response);
		}
	}

	private static List<Object> odd() {
		List<Object> values = new ArrayList<>();
		values.add(null);
		values.addAll(List.of(0, -1, Long.MAX_VALUE, 1.5e308, true, "", " ", "x", "x".repeat(5000), "\u0000",
				"\ud83d\ude00", "2026-13-45T99:99:99Z", "9999-12-31T23:59:59Z", "+999999-01-01T00:00:00Z", List.of(),
				List.of(List.of()), Map.of(), Map.of("a", Map.of("b", List.of(1))),
				java.util.Collections.singletonList(null), List.of(1, "two", true),
				List.of(Map.of("starts_at", "garbage")), List.of(Map.of("name", 5))));
		return values;
	}

	private static String abbreviated(Object value) {
		String text = String.valueOf(value);
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

}
