package com.amiqo.kairos.keys;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.amiqo.kairos.negotiation.NegotiationFixtures;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestKeys;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public keys and wrapped keys never reach the logs, whether a request succeeds or is
 * refused.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyLogSafetyTest extends ApiTest {

	@Test
	void keyAndWrappingRequestsWhenAcceptedOrRefusedNeverLogKeysOrWrappings(CapturedOutput output) {
		TestUser ann = signIn("Ann");
		TestUser bob = signIn("Bob");
		TestKeys annKey = TestKeys.generate().publish(api, ann);
		TestKeys bobKey = TestKeys.generate().publish(api, bob);
		String id = api.post("/negotiate/start")
			.token(ann.token())
			.json(NegotiationFixtures.start(List.of(bob)))
			.send()
			.data()
			.path("id")
			.asString();
		String wrapped = Base64.getEncoder().encodeToString("a wrapping that must stay out of logs".getBytes());
		String other = Base64.getEncoder().encodeToString("another wrapping, refused as a conflict".getBytes());
		String privateMember = TestKeys.generate().x();
		Map<String, Object> withPrivate = new LinkedHashMap<>(annKey.jwk());
		withPrivate.put("d", privateMember);

		api.put("/me/keys/" + annKey.keyId()).token(ann.token()).json(Map.of("public_key", withPrivate)).send();
		api.put("/me/keys/" + annKey.keyId()).token(bob.token()).json(annKey.body("not yours")).send();
		api.get("/me/keys").token(ann.token()).send();
		api.get("/negotiations/" + id + "/keys").token(bob.token()).send();
		api.put("/negotiations/" + id + "/wrapped-keys")
			.token(ann.token())
			.json(List.of(WrappedKeysTest.item(bobKey, wrapped)))
			.send();
		api.put("/negotiations/" + id + "/wrapped-keys")
			.token(bob.token())
			.json(List.of(WrappedKeysTest.item(bobKey, other)))
			.send();
		api.put("/negotiations/" + id + "/wrapped-keys")
			.token(bob.token())
			.json(List
				.of(Map.of("recipient_key_id", bobKey.keyId(), "wrapped_key", other + "!", "wrapped_key_version", 1)))
			.send();
		api.get("/negotiations/" + id).token(bob.token()).send();

		assertThat(output.getAll()).doesNotContain(annKey.x())
			.doesNotContain(annKey.y())
			.doesNotContain(bobKey.x())
			.doesNotContain(privateMember)
			.doesNotContain(wrapped)
			.doesNotContain(other);
	}

}
