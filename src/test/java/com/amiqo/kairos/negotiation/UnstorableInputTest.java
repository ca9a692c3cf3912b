package com.amiqo.kairos.negotiation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.amiqo.kairos.support.ApiClient;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text PostgreSQL cannot store (U+0000) is a client error, never a 500, and writes
 * nothing.
 */
class UnstorableInputTest extends ApiTest {

	NegotiationCalls negotiations;

	@BeforeEach
	void negotiationCalls() {
		negotiations = new NegotiationCalls(api, jdbc);
	}

	private static final String NUL = "\\u0000";

	@Test
	void startWhenTitleContainsNulReturns400NamingTheField() {
		TestUser organizer = signIn("Olga");
		TestUser guest = signIn("Gus");
		String body = ApiClient.json(NegotiationFixtures.start(List.of(guest)))
			.replace("\"Coffee catch-up\"", "\"Coffee" + NUL + "\"");

		ApiResponse response = api.post("/negotiate/start").token(organizer.token()).json(body).send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(response.error().path("details").path("field").asString()).isEqualTo("title");
		assertThat(ownedNegotiations(organizer)).isZero();
	}

	@Test
	void startWhenInviteeUidContainsNulReturns400NamingTheField() {
		TestUser organizer = signIn("Olga");
		Map<String, Object> start = NegotiationFixtures.start(List.of(signIn("Gus")));
		String body = ApiClient.json(start).replace("\"participant_ids\":[\"", "\"participant_ids\":[\"x" + NUL);

		ApiResponse response = api.post("/negotiate/start").token(organizer.token()).json(body).send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(response.error().path("details").path("field").asString()).isEqualTo("participant_ids[0]");
	}

	@Test
	void startWhenVenueMetadataContainsNulReturns400AndWritesNothing() {
		TestUser organizer = signIn("Olga");
		String body = ApiClient.json(NegotiationFixtures.start(List.of(signIn("Gus"))))
			.replace("\"address\":\"Blue Bottle street 1\"", "\"address\":\"Blue" + NUL + "\"");

		ApiResponse response = api.post("/negotiate/start").token(organizer.token()).json(body).send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(ownedNegotiations(organizer)).isZero();
	}

	@Test
	void cancelWhenReasonContainsNulReturns400() {
		TestUser organizer = signIn("Olga");
		String id = negotiations.startOk(organizer, NegotiationFixtures.start(List.of(signIn("Gus"))))
			.path("id")
			.asString();

		ApiResponse response = api.post("/negotiate/cancel")
			.token(organizer.token())
			.json("{\"negotiation_id\": \"" + id + "\", \"reason\": \"no" + NUL + "\"}")
			.send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(negotiations.get(organizer, id).data().path("state").asString()).isEqualTo("awaiting_replies");
	}

	private long ownedNegotiations(TestUser user) {
		return jdbc
			.sql("SELECT count(*) FROM negotiations n JOIN app_users u ON u.id = n.owner_id WHERE u.firebase_uid = ?")
			.param(user.uid())
			.query(Long.class)
			.single();
	}

}
