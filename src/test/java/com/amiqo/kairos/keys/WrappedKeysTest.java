package com.amiqo.kairos.keys;

import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.negotiation.NegotiationFixtures;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestKeys;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /negotiations/{id}/keys}, {@code PUT /negotiations/{id}/wrapped-keys} and
 * {@code my_wrapped_keys}: the plan key reaches each participant's own keys, and nobody
 * else's.
 */
class WrappedKeysTest extends ApiTest {

	private static final String WRAPPED = Base64.getEncoder().encodeToString(new byte[126]);

	private static final String OTHER_WRAPPED = Base64.getEncoder().encodeToString(new byte[127]);

	@Test
	void wrapWhenForParticipantsKeysReachesEachOnlyInTheirOwnView() throws Exception {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		TestKeys aliceKey = TestKeys.generate().publish(api, alice);
		TestKeys bobKey = TestKeys.generate().publish(api, bob);
		TestKeys bobPhone = TestKeys.generate().publish(api, bob);
		TestKeys carolKey = TestKeys.generate().publish(api, carol);
		String id = start(alice, List.of(bob, carol));
		byte[] planKey = new byte[32];
		new java.security.SecureRandom().nextBytes(planKey);
		String forBob = wrapFor(planKey, id, bobKey);

		JsonNode keysBefore = api.get("/negotiations/" + id + "/keys").token(carol.token()).send().data();
		ApiResponse stored = api.put("/negotiations/" + id + "/wrapped-keys")
			.token(alice.token())
			.json(List.of(item(bobKey, forBob), item(aliceKey, WRAPPED)))
			.send();
		ApiResponse repeated = api.put("/negotiations/" + id + "/wrapped-keys")
			.token(carol.token())
			.json(List.of(item(bobKey, forBob)))
			.send();

		assertThat(keysBefore.valueStream().map(key -> key.path("key_id").asString()).toList())
			.containsExactlyInAnyOrder(aliceKey.keyId(), bobKey.keyId(), bobPhone.keyId(), carolKey.keyId());
		assertThat(keysBefore.valueStream().allMatch(key -> !key.path("wrapped").asBoolean())).isTrue();
		JsonNode bobsEntry = keysBefore.valueStream()
			.filter(key -> key.path("key_id").asString().equals(bobKey.keyId()))
			.findFirst()
			.orElseThrow();
		assertThat(bobsEntry.path("user_id").asString()).isEqualTo(bob.uid());
		assertThat(bobsEntry.path("public_key").path("y").asString()).isEqualTo(bobKey.y());
		assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
		assertThat(stored.data().path("created").size()).isEqualTo(2);
		assertThat(repeated.status()).as(repeated.toString()).isEqualTo(200);
		assertThat(repeated.data().path("unchanged").path(0).asString()).isEqualTo(bobKey.keyId());
		JsonNode bobsView = negotiation(bob, id);
		assertThat(bobsView.path("my_wrapped_keys").size()).isEqualTo(1);
		JsonNode mine = bobsView.path("my_wrapped_keys").path(0);
		assertThat(mine.path("recipient_key_id").asString()).isEqualTo(bobKey.keyId());
		assertThat(mine.path("wrapped_key_version").asInt()).isEqualTo(1);
		assertThat(mine.path("wrapped_by").asString()).isEqualTo(alice.uid());
		byte[] unwrapped = PlanKeyWrap.unwrap(Base64.getDecoder().decode(mine.path("wrapped_key").asString()), id,
				bobKey.pair().getPrivate(), (ECPublicKey) bobKey.pair().getPublic());
		assertThat(unwrapped).isEqualTo(planKey);
		assertThat(negotiation(alice, id).path("my_wrapped_keys").path(0).path("wrapped_key").asString())
			.isEqualTo(WRAPPED);
		assertThat(negotiation(carol, id).path("my_wrapped_keys").isEmpty()).isTrue();
		assertThat(negotiation(carol, id).toString()).doesNotContain(forBob);
		JsonNode keysAfter = api.get("/negotiations/" + id + "/keys").token(bob.token()).send().data();
		assertThat(keysAfter.valueStream()
			.filter(key -> key.path("wrapped").asBoolean())
			.map(key -> key.path("key_id").asString())
			.toList()).containsExactlyInAnyOrder(aliceKey.keyId(), bobKey.keyId());
	}

	@Test
	void wrapWhenADifferentValueExistsIsConflictAndStoresNothingOfTheBatch() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestKeys aliceKey = TestKeys.generate().publish(api, alice);
		TestKeys bobKey = TestKeys.generate().publish(api, bob);
		String id = start(alice, List.of(bob));
		api.put("/negotiations/" + id + "/wrapped-keys")
			.token(alice.token())
			.json(List.of(item(bobKey, WRAPPED)))
			.send();

		ApiResponse conflict = api.put("/negotiations/" + id + "/wrapped-keys")
			.token(bob.token())
			.json(List.of(item(aliceKey, WRAPPED), item(bobKey, OTHER_WRAPPED)))
			.send();
		ApiResponse otherVersion = api.put("/negotiations/" + id + "/wrapped-keys")
			.token(bob.token())
			.json(List.of(Map.of("recipient_key_id", bobKey.keyId(), "wrapped_key", WRAPPED, "wrapped_key_version", 2)))
			.send();

		assertErrorEnvelope(conflict, 409, "CONFLICT");
		assertThat(conflict.error().path("details").path("recipient_key_ids").path(0).asString())
			.isEqualTo(bobKey.keyId());
		assertErrorEnvelope(otherVersion, 409, "CONFLICT");
		assertThat(wrappingRows(id)).isEqualTo(1);
		assertThat(negotiation(alice, id).path("my_wrapped_keys").isEmpty()).isTrue();
	}

	@Test
	void wrapWhenAKeyIsNotAParticipantsIsUnknownKeyListingThem() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser mallory = signIn("Mallory");
		TestKeys bobKey = TestKeys.generate().publish(api, bob);
		TestKeys malloryKey = TestKeys.generate().publish(api, mallory);
		String neverPublished = TestKeys.generate().keyId();
		String id = start(alice, List.of(bob));

		ApiResponse response = api.put("/negotiations/" + id + "/wrapped-keys")
			.token(alice.token())
			.json(List.of(item(bobKey, WRAPPED), item(malloryKey, WRAPPED),
					Map.of("recipient_key_id", neverPublished, "wrapped_key", WRAPPED, "wrapped_key_version", 1)))
			.send();

		assertErrorEnvelope(response, 422, "UNKNOWN_KEY");
		assertThat(response.error().path("details").path("unknown").valueStream().map(JsonNode::asString).toList())
			.containsExactly(malloryKey.keyId(), neverPublished);
		assertThat(wrappingRows(id)).isZero();
	}

	@Test
	void wrapWhenItemsAreMalformedNamesEveryBadField() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestKeys bobKey = TestKeys.generate().publish(api, bob);
		String id = start(alice, List.of(bob));
		String oversize = Base64.getEncoder().encodeToString(new byte[1025]);

		ApiResponse response = api.put("/negotiations/" + id + "/wrapped-keys")
			.token(alice.token())
			.json(List.of(Map.of("recipient_key_id", "short", "wrapped_key", "not base64!", "wrapped_key_version", 0),
					Map.of("recipient_key_id", bobKey.keyId(), "wrapped_key", oversize, "wrapped_key_version", 1)))
			.send();
		ApiResponse empty = api.put("/negotiations/" + id + "/wrapped-keys")
			.token(alice.token())
			.json(List.of())
			.send();
		List<Map<String, Object>> tooMany = new ArrayList<>();
		for (int i = 0; i < 501; i++) {
			tooMany.add(Map.of());
		}
		ApiResponse many = api.put("/negotiations/" + id + "/wrapped-keys").token(alice.token()).json(tooMany).send();
		ApiResponse twice = api.put("/negotiations/" + id + "/wrapped-keys")
			.token(alice.token())
			.json(List.of(item(bobKey, WRAPPED), item(bobKey, WRAPPED)))
			.send();
		ApiResponse object = api.put("/negotiations/" + id + "/wrapped-keys")
			.token(alice.token())
			.json(item(bobKey, WRAPPED))
			.send();
		ApiResponse badId = api.put("/negotiations/not-a-uuid/wrapped-keys")
			.token(alice.token())
			.json(List.of(item(bobKey, WRAPPED)))
			.send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(response.error().path("details").path("fields").propertyNames())
			.containsExactly("[0].recipient_key_id", "[0].wrapped_key", "[0].wrapped_key_version", "[1].wrapped_key");
		assertThat(response.error().path("details").path("max_bytes").asInt()).isEqualTo(1024);
		assertErrorEnvelope(empty, 400, "VALIDATION_ERROR");
		assertErrorEnvelope(many, 400, "VALIDATION_ERROR");
		assertThat(many.error().path("details").path("max_items").asInt()).isEqualTo(500);
		assertErrorEnvelope(twice, 400, "VALIDATION_ERROR");
		assertThat(twice.error().path("details").path("field").asString()).isEqualTo("[1].recipient_key_id");
		assertThat(object.status()).isEqualTo(400);
		assertErrorEnvelope(badId, 400, "VALIDATION_ERROR");
		assertThat(wrappingRows(id)).isZero();
	}

	@Test
	void deleteKeyWhenItHasWrappingsRemovesThemAndTheNewKeyIsUnwrapped() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestKeys bobKey = TestKeys.generate().publish(api, bob);
		String id = start(alice, List.of(bob));
		api.put("/negotiations/" + id + "/wrapped-keys")
			.token(alice.token())
			.json(List.of(item(bobKey, WRAPPED)))
			.send();

		api.delete("/me/keys/" + bobKey.keyId()).token(bob.token()).send();
		TestKeys newKey = TestKeys.generate().publish(api, bob);

		assertThat(wrappingRows(id)).isZero();
		assertThat(negotiation(bob, id).path("my_wrapped_keys").isEmpty()).isTrue();
		JsonNode keys = api.get("/negotiations/" + id + "/keys").token(alice.token()).send().data();
		assertThat(keys.size()).isEqualTo(1);
		assertThat(keys.path(0).path("key_id").asString()).isEqualTo(newKey.keyId());
		assertThat(keys.path(0).path("wrapped").asBoolean()).isFalse();
	}

	@Test
	void wrapWhenAFriendJoinsByLinkAcceptsTheirKeyOnlyAfterTheyJoin() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser dana = signIn("Dana");
		TestKeys danaKey = TestKeys.generate().publish(api, dana);
		String id = start(alice, List.of(bob));
		String token = api.post("/negotiations/" + id + "/invite-links")
			.token(alice.token())
			.json(Map.of())
			.send()
			.data()
			.path("token")
			.asString();

		ApiResponse before = api.put("/negotiations/" + id + "/wrapped-keys")
			.token(alice.token())
			.json(List.of(item(danaKey, WRAPPED)))
			.send();
		ApiResponse keysBefore = api.get("/negotiations/" + id + "/keys").token(dana.token()).send();
		api.post("/invites/" + token + "/join").token(dana.token()).send();
		ApiResponse after = api.put("/negotiations/" + id + "/wrapped-keys")
			.token(alice.token())
			.json(List.of(item(danaKey, WRAPPED)))
			.send();

		assertErrorEnvelope(before, 422, "UNKNOWN_KEY");
		assertErrorEnvelope(keysBefore, 403, "USER_NOT_PARTICIPANT");
		assertThat(after.status()).as(after.toString()).isEqualTo(200);
		assertThat(negotiation(dana, id).path("my_wrapped_keys").size()).isEqualTo(1);
	}

	// ---------------------------------------------------------------- helpers

	private String start(TestUser organizer, List<TestUser> invitees) {
		ApiResponse started = api.post("/negotiate/start")
			.token(organizer.token())
			.json(NegotiationFixtures.start(invitees))
			.send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.data().path("id").asString();
	}

	private JsonNode negotiation(TestUser user, String id) {
		ApiResponse response = api.get("/negotiations/" + id).token(user.token()).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.data();
	}

	static Map<String, Object> item(TestKeys recipient, String wrapped) {
		return Map.of("recipient_key_id", recipient.keyId(), "wrapped_key", wrapped, "wrapped_key_version", 1);
	}

	private static String wrapFor(byte[] planKey, String negotiationId, TestKeys recipient) throws Exception {
		TestKeys ephemeral = TestKeys.generate();
		byte[] nonce = new byte[12];
		new java.security.SecureRandom().nextBytes(nonce);
		return Base64.getEncoder()
			.encodeToString(PlanKeyWrap.wrap(planKey, negotiationId, ephemeral.pair().getPrivate(),
					(ECPublicKey) ephemeral.pair().getPublic(), (ECPublicKey) recipient.pair().getPublic(), nonce));
	}

	private long wrappingRows(String id) {
		return jdbc.sql("SELECT count(*) FROM negotiation_wrapped_keys WHERE negotiation_id = ?")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single();
	}

}
