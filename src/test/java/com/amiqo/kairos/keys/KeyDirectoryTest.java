package com.amiqo.kairos.keys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestKeys;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code PUT/GET/DELETE /me/keys}: the caller's device public keys. */
class KeyDirectoryTest extends ApiTest {

	@Test
	void publishWhenTheKeyIsValidStoresItAndTheSameKeyAgainOnlyRelabelsIt() {
		TestUser ann = signIn("Ann");
		TestKeys keys = TestKeys.generate();

		ApiResponse first = api.put("/me/keys/" + keys.keyId()).token(ann.token()).json(keys.body("laptop")).send();
		ApiResponse again = api.put("/me/keys/" + keys.keyId()).token(ann.token()).json(keys.body("phone")).send();

		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.data().path("key_id").asString()).isEqualTo(keys.keyId());
		assertThat(first.data().path("public_key").propertyNames()).containsExactly("kty", "crv", "x", "y");
		assertThat(first.data().path("public_key").path("x").asString()).isEqualTo(keys.x());
		assertThat(first.data().path("label").asString()).isEqualTo("laptop");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.data().path("label").asString()).isEqualTo("phone");
		assertThat(again.data().path("created_at").asString()).isEqualTo(first.data().path("created_at").asString());
		JsonNode listed = api.get("/me/keys").token(ann.token()).send().data();
		assertThat(listed.size()).isEqualTo(1);
		assertThat(listed.path(0).path("label").asString()).isEqualTo("phone");
	}

	@Test
	void publishWhenKeyIdIsNotTheThumbprintIsRefusedOnKeyId() {
		TestUser ann = signIn("Ann");
		TestKeys keys = TestKeys.generate();
		String other = TestKeys.generate().keyId();

		ApiResponse response = api.put("/me/keys/" + other).token(ann.token()).json(keys.body("x")).send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(response.error().path("details").path("field").asString()).isEqualTo("key_id");
		assertThat(keyRows(ann)).isZero();
	}

	@Test
	void publishWhenTheJwkCarriesThePrivateKeyIsRefusedOnD() {
		TestUser ann = signIn("Ann");
		TestKeys keys = TestKeys.generate();
		Map<String, Object> body = keys.body("x");
		@SuppressWarnings("unchecked")
		Map<String, Object> jwk = (Map<String, Object>) body.get("public_key");
		jwk.put("d", "s0Z7CyDLwC8P0EgCOMCiIUfYHl-7An0EVm4ZC7H0VtU");

		ApiResponse response = api.put("/me/keys/" + keys.keyId()).token(ann.token()).json(body).send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(response.error().path("details").path("field").asString()).isEqualTo("public_key.d");
		assertThat(response.raw()).doesNotContain("s0Z7CyDLwC8P0EgCOMCiIUfYHl");
		assertThat(keyRows(ann)).isZero();
	}

	@Test
	void publishWhenThePointIsNotOnTheCurveIsRefused() {
		TestUser ann = signIn("Ann");
		TestKeys keys = TestKeys.generate();
		// The same x with y + 1 is not a point of P-256.
		byte[] y = TestKeys.fixed(new java.math.BigInteger(1, java.util.Base64.getUrlDecoder().decode(keys.y()))
			.add(java.math.BigInteger.ONE));
		String badY = TestKeys.b64url(y);
		Map<String, Object> jwk = new LinkedHashMap<>(keys.jwk());
		jwk.put("y", badY);

		ApiResponse response = api.put("/me/keys/" + TestKeys.thumbprint(keys.x(), badY))
			.token(ann.token())
			.json(Map.of("public_key", jwk))
			.send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(response.error().path("details").path("field").asString()).isEqualTo("public_key");
		assertThat(keyRows(ann)).isZero();
	}

	@Test
	void publishWhenMembersAreWrongNamesEveryOne() {
		TestUser ann = signIn("Ann");

		ApiResponse response = api.put("/me/keys/" + TestKeys.generate().keyId())
			.token(ann.token())
			.json(Map.of("public_key", Map.of("kty", "RSA", "crv", "P-384", "x", "short", "y", 5), "label",
					"l".repeat(101)))
			.send();
		ApiResponse malformedId = api.put("/me/keys/not-a-key-id")
			.token(ann.token())
			.json(TestKeys.generate().body("x"))
			.send();
		ApiResponse missing = api.put("/me/keys/" + TestKeys.generate().keyId())
			.token(ann.token())
			.json(Map.of("label", "x"))
			.send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertErrorEnvelope(malformedId, 400, "VALIDATION_ERROR");
		assertThat(malformedId.error().path("details").path("field").asString()).isEqualTo("key_id");
		assertErrorEnvelope(missing, 400, "VALIDATION_ERROR");
		assertThat(missing.error().path("details").path("field").asString()).isEqualTo("public_key");
		assertThat(keyRows(ann)).isZero();
	}

	@Test
	void publishWhenAnEleventhKeyComesIsConflictUntilOneIsDeleted() {
		TestUser ann = signIn("Ann");
		List<TestKeys> published = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			published.add(TestKeys.generate().publish(api, ann));
		}
		TestKeys eleventh = TestKeys.generate();

		ApiResponse refused = api.put("/me/keys/" + eleventh.keyId())
			.token(ann.token())
			.json(eleventh.body("x"))
			.send();
		ApiResponse republished = api.put("/me/keys/" + published.get(3).keyId())
			.token(ann.token())
			.json(published.get(3).body("still fine"))
			.send();
		ApiResponse deleted = api.delete("/me/keys/" + published.get(0).keyId()).token(ann.token()).send();
		ApiResponse accepted = api.put("/me/keys/" + eleventh.keyId())
			.token(ann.token())
			.json(eleventh.body("x"))
			.send();

		assertErrorEnvelope(refused, 409, "CONFLICT");
		assertThat(refused.error().path("details").path("reason").asString()).isEqualTo("too_many_keys");
		assertThat(refused.error().path("details").path("max_keys").asInt()).isEqualTo(10);
		assertThat(republished.status()).isEqualTo(200);
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(keyRows(ann)).isEqualTo(10);
	}

	@Test
	void publishWhenAnotherAccountHasTheKeyIsConflictAndLeavesItTheirs() {
		TestUser ann = signIn("Ann");
		TestUser bob = signIn("Bob");
		TestKeys keys = TestKeys.generate().publish(api, ann);

		ApiResponse response = api.put("/me/keys/" + keys.keyId()).token(bob.token()).json(keys.body("mine")).send();

		assertErrorEnvelope(response, 409, "CONFLICT");
		assertThat(response.error().path("details").path("reason").asString()).isEqualTo("key_of_another_user");
		assertThat(keyRows(ann)).isEqualTo(1);
		assertThat(keyRows(bob)).isZero();
		assertThat(api.get("/me/keys").token(bob.token()).send().data().size()).isZero();
	}

	@Test
	void deleteWhenTheKeyIsAnotherUsersIsANoOpAndOwnKeyGoes() {
		TestUser ann = signIn("Ann");
		TestUser bob = signIn("Bob");
		TestKeys keys = TestKeys.generate().publish(api, ann);

		ApiResponse byBob = api.delete("/me/keys/" + keys.keyId()).token(bob.token()).send();
		long afterBob = keyRows(ann);
		ApiResponse byAnn = api.delete("/me/keys/" + keys.keyId()).token(ann.token()).send();
		ApiResponse again = api.delete("/me/keys/" + keys.keyId()).token(ann.token()).send();
		ApiResponse malformed = api.delete("/me/keys/x").token(ann.token()).send();

		assertThat(byBob.status()).isEqualTo(204);
		assertThat(afterBob).isEqualTo(1);
		assertThat(byAnn.status()).isEqualTo(204);
		assertThat(again.status()).isEqualTo(204);
		assertThat(keyRows(ann)).isZero();
		assertErrorEnvelope(malformed, 400, "VALIDATION_ERROR");
	}

	@Test
	void listWhenCalledShowsOnlyTheCallersKeysOldestFirst() {
		TestUser ann = signIn("Ann");
		TestUser bob = signIn("Bob");
		TestKeys first = TestKeys.generate().publish(api, ann);
		TestKeys second = TestKeys.generate().publish(api, ann);
		TestKeys.generate().publish(api, bob);

		JsonNode keys = api.get("/me/keys").token(ann.token()).send().data();

		assertThat(keys.valueStream().map(key -> key.path("key_id").asString()).toList()).containsExactly(first.keyId(),
				second.keyId());
		assertThat(api.get("/me/keys").send().status()).isEqualTo(401);
	}

	private long keyRows(TestUser user) {
		return jdbc
			.sql("SELECT count(*) FROM user_keys k JOIN app_users u ON u.id = k.user_id WHERE u.firebase_uid = ?")
			.param(user.uid())
			.query(Long.class)
			.single();
	}

}
