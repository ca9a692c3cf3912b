package com.amiqo.kairos.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.amiqo.kairos.support.ApiTest;
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

}
