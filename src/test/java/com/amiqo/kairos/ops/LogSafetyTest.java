package com.amiqo.kairos.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.RawHttp;
import com.amiqo.kairos.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens, Authorization headers, token claims such as email, invite tokens and feed
 * secrets never reach the logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogSafetyTest extends ApiTest {

	@Test
	void requestsWithGoodAndBadTokensLeaveNoTokenInTheLogs(CapturedOutput output) {
		String uid = newUid("logsafe");
		List<String> secrets = new ArrayList<>();
		String valid = TestTokens.forUser(uid).name("Log Safe").sign();
		String expired = TestTokens.forUser(uid)
			.issuedAt(Instant.now().minusSeconds(7200))
			.expiresAt(Instant.now().minusSeconds(3600))
			.sign();
		String wrongAudience = TestTokens.forUser(uid).audience("elsewhere").sign();
		secrets.add(valid);
		secrets.add(expired);
		secrets.add(wrongAudience);
		secrets.add("sekrit-basic-credentials");

		api.get("/me").token(valid).send();
		api.patch("/me").token(valid).json("{\"display_name\": 42}").send();
		api.get("/me").token(expired).send();
		api.get("/me").token(wrongAudience).send();
		api.get("/me").token("garbage.token.value").send();
		api.get("/me").header("Authorization", "Basic sekrit-basic-credentials").send();
		api.get("/no/such/route").token(valid).send();
		String devToken = api.post("/dev/tokens")
			.json("{\"uid\": \"" + uid + "\"}")
			.send()
			.data()
			.path("id_token")
			.asString();
		secrets.add(devToken);
		api.get("/me").token(devToken).send();

		String negotiation = api.post("/negotiate/start")
			.token(valid)
			.json(java.util.Map.of("intent_category", "walk", "participant_ids", List.of(), "proposed_slots",
					List.of(java.util.Map.of("starts_at", Instant.now().plusSeconds(86400).toString()))))
			.send()
			.data()
			.path("id")
			.asString();
		String inviteToken = api.post("/negotiations/" + negotiation + "/invite-links")
			.token(valid)
			.send()
			.data()
			.path("token")
			.asString();
		secrets.add(inviteToken);
		api.get("/invites/" + inviteToken).token(valid).send();
		api.post("/invites/" + inviteToken + "/join").token(valid).send();
		String feedUrl = api.put("/me/calendar-feed").token(valid).send().data().path("url").asString();
		String feedSecret = feedUrl.substring(feedUrl.lastIndexOf('/') + 1, feedUrl.length() - ".ics".length());
		secrets.add(feedSecret);
		api.get("/calendar/" + feedSecret + ".ics").send();
		api.put("/me/calendar-feed").token(valid).send();
		api.get("/calendar/" + feedSecret + ".ics").send();

		// Format-agnostic: another test may have switched this JVM to JSON logs.
		assertThat(output.getAll()).contains("GET /me -> 200").contains("-> 401").contains(uid);
		for (String secret : secrets) {
			assertThat(output.getAll()).doesNotContain(secret);
			if (secret.contains(".")) {
				assertThat(output.getAll()).as("a JWT's claims segment").doesNotContain(secret.split("\\.")[1]);
			}
		}
		assertThat(output.getAll()).doesNotContain("Bearer ey")
			.doesNotContain("garbage.token.value")
			.doesNotContain(uid + "@example.com");
	}

	/**
	 * A credential can travel in a path (feed secrets, invite tokens, device tokens), a
	 * query or a header: whatever route shape, method and framing it comes in, neither
	 * our lines nor the framework's (the dispatcher's "no mapping", Tomcat's notes on
	 * refused requests, the access line) may quote it.
	 */
	@Test
	void everyRouteShapeCarryingASecretLeavesItOutOfTheLog(CapturedOutput output) {
		String secret = "Lk9" + UUID.randomUUID().toString().replace("-", "") + "xQ7";
		String token = TestTokens.valid(newUid("shapes"));
		List<String> paths = List.of("/calendar/" + secret, "/calendar/" + secret + ".ics",
				"/calendar/" + secret + ".ics/", "/calendar/" + secret + "/x.ics", "/invites/" + secret,
				"/invites/" + secret + "/", "/invites/" + secret + "/join", "/invites/" + secret + "/join/",
				"/i/" + secret, "/i/" + secret + "/", "/i/" + secret + "/x", "/me/devices/" + secret,
				"/negotiations/" + secret, "/negotiations/" + secret + "/invite-links", "/events/" + secret,
				"/events/" + secret + "/ics", "/" + secret, "/app/" + secret, "/favicon.ico/" + secret,
				"/calendar/" + secret + ".ics?" + secret + "=1", "/health?token=" + secret);
		List<String> headerSets = List.of("", "Authorization: Bearer " + token,
				"Authorization: Basic " + secret + "\r\nCookie: session=" + secret + "\r\nX-Api-Key: " + secret,
				"Origin: https://" + secret + ".example\r\nAccess-Control-Request-Method: POST");
		for (String path : paths) {
			for (String method : List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
				for (String headers : headerSets) {
					RawHttp.send(port(), method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
							+ (headers.isEmpty() ? "" : headers + "\r\n") + "Connection: close\r\n\r\n");
				}
			}
		}
		for (String target : List.of("/calendar/" + secret + "|.ics", "/i/" + secret + "%", "/i/" + secret + "%2F",
				"/invites/" + secret + "%00", "/invites/" + secret + ";x=1", "/calendar/" + secret + "%2e%2e",
				"/i/" + secret + "%0A", "/i/" + secret + "{x}", "/i/" + secret + "?q=%ZZ" + secret,
				"/i/" + secret + "?q=%E2%82")) {
			RawHttp.get(port(), target, "Authorization: Bearer " + token);
			RawHttp.get(port(), target);
		}
		RawHttp.send(port(), "GET /i/" + secret + " HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(9000)
				+ "\r\nConnection: close\r\n\r\n");
		RawHttp.send(port(), "G\u0001T /i/" + secret + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		RawHttp.send(port(), "GET /i/" + secret + " HTTP/2.0\r\nHost: localhost\r\n\r\n");
		RawHttp.send(port(), "GET /i/" + secret + " HTTP/1.1\r\nHost: localhost\r\nX-\u0001: " + secret
				+ "\r\nConnection: close\r\n\r\n");
		RawHttp.send(port(), "GET /i/x HTTP/1.1\r\nHost: localhost\r\nCookie: " + secret + "=\u0001" + secret
				+ "\r\nConnection: close\r\n\r\n");
		RawHttp.request(port(), "POST", "/invites/" + secret + "/join",
				List.of("Authorization: Bearer " + token, "Content-Type: application/x-www-form-urlencoded"),
				("token=" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));

		assertThat(output.getAll()).contains("-> 404").doesNotContain(secret);
	}

}
