package com.amiqo.kairos.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestKeys;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what (docs/reference.md#negotiation-states, docs/reference.md#events,
 * docs/reference.md#keys-and-wrapped-plan-keys): organizer, invitee, stranger and a
 * caller without a token against every negotiation, invite-link, event, calendar-file,
 * calendar-feed, participant-key and wrapped-key endpoint, each cell asserting the exact
 * status and code. Every case builds its own users and negotiation (with one invite link
 * unless it is confirmed). What each cell must show beyond its status and code is
 * {@link AuthorizationMatrixExpectations}.
 */
class AuthorizationMatrixTest extends ApiTest {

	static final String WRAPPED = java.util.Base64.getEncoder().encodeToString(new byte[126]);

	enum Role {

		ORGANIZER, INVITEE, STRANGER, NO_TOKEN

	}

	/** What the request is aimed at. */
	enum Target {

		/** Alice invited Bob and Carol; nobody answered. */
		OPEN,
		/** Alice's draft inviting Bob and Carol. */
		DRAFT,
		/** Alice invited Bob, Bob accepted: confirmed, one event each. */
		CONFIRMED

	}

	enum Endpoint {

		GET_NEGOTIATION("GET /negotiations/{id}"), LIST_NEGOTIATIONS("GET /negotiations"),
		REPLY("POST /negotiate/reply"), CANCEL("POST /negotiate/cancel"),
		GET_ORGANIZERS_EVENT("GET /events/{organizer's event id}"),
		GET_INVITEES_EVENT("GET /events/{invitee's event id}"), LIST_EVENTS("GET /events"),
		UPCOMING_EVENTS("GET /events/upcoming"), CREATE_EVENT("POST /events"),
		CREATE_INVITE_LINK("POST /negotiations/{id}/invite-links"),
		LIST_INVITE_LINKS("GET /negotiations/{id}/invite-links"),
		REVOKE_INVITE_LINK("DELETE /negotiations/{id}/invite-links/{link_id}"), PREVIEW_INVITE("GET /invites/{token}"),
		JOIN_INVITE("POST /invites/{token}/join"), GET_ORGANIZERS_EVENT_ICS("GET /events/{organizer's event id}/ics"),
		GET_INVITEES_EVENT_ICS("GET /events/{invitee's event id}/ics"), PUT_CALENDAR_FEED("PUT /me/calendar-feed"),
		DELETE_CALENDAR_FEED("DELETE /me/calendar-feed"), GET_NEGOTIATION_KEYS("GET /negotiations/{id}/keys"),
		PUT_WRAPPED_KEYS("PUT /negotiations/{id}/wrapped-keys"), LIST_PEOPLE("GET /me/people");

		final String label;

		Endpoint(String label) {
			this.label = label;
		}

	}

	static Stream<Arguments> matrix() {
		List<Arguments> cells = new ArrayList<>();
		// endpoint, target, then per role: ORGANIZER, INVITEE, STRANGER, NO_TOKEN as
		// "status CODE"
		row(cells, Endpoint.GET_NEGOTIATION, Target.OPEN, "200", "200", "403 USER_NOT_PARTICIPANT", "401 UNAUTHORIZED");
		row(cells, Endpoint.GET_NEGOTIATION, Target.DRAFT, "200", "404 NOT_FOUND", "404 NOT_FOUND", "401 UNAUTHORIZED");
		row(cells, Endpoint.GET_NEGOTIATION, Target.CONFIRMED, "200", "200", "403 USER_NOT_PARTICIPANT",
				"401 UNAUTHORIZED");
		row(cells, Endpoint.LIST_NEGOTIATIONS, Target.OPEN, "200", "200", "200", "401 UNAUTHORIZED");
		row(cells, Endpoint.LIST_NEGOTIATIONS, Target.DRAFT, "200", "200", "200", "401 UNAUTHORIZED");
		row(cells, Endpoint.REPLY, Target.OPEN, "200", "200", "403 USER_NOT_PARTICIPANT", "401 UNAUTHORIZED");
		row(cells, Endpoint.REPLY, Target.DRAFT, "200", "404 NOT_FOUND", "404 NOT_FOUND", "401 UNAUTHORIZED");
		row(cells, Endpoint.CANCEL, Target.OPEN, "200", "403 ORGANIZER_ONLY_ACTION", "403 USER_NOT_PARTICIPANT",
				"401 UNAUTHORIZED");
		row(cells, Endpoint.CANCEL, Target.DRAFT, "200", "404 NOT_FOUND", "404 NOT_FOUND", "401 UNAUTHORIZED");
		row(cells, Endpoint.CANCEL, Target.CONFIRMED, "200", "403 ORGANIZER_ONLY_ACTION", "403 USER_NOT_PARTICIPANT",
				"401 UNAUTHORIZED");
		row(cells, Endpoint.GET_ORGANIZERS_EVENT, Target.CONFIRMED, "200", "403 USER_NOT_EVENT_OWNER",
				"403 USER_NOT_EVENT_OWNER", "401 UNAUTHORIZED");
		row(cells, Endpoint.GET_INVITEES_EVENT, Target.CONFIRMED, "403 USER_NOT_EVENT_OWNER", "200",
				"403 USER_NOT_EVENT_OWNER", "401 UNAUTHORIZED");
		row(cells, Endpoint.LIST_EVENTS, Target.CONFIRMED, "200", "200", "200", "401 UNAUTHORIZED");
		row(cells, Endpoint.UPCOMING_EVENTS, Target.CONFIRMED, "200", "200", "200", "401 UNAUTHORIZED");
		row(cells, Endpoint.CREATE_EVENT, Target.CONFIRMED, "403 EVENT_CREATION_DISABLED",
				"403 EVENT_CREATION_DISABLED", "403 EVENT_CREATION_DISABLED", "401 UNAUTHORIZED");
		row(cells, Endpoint.CREATE_INVITE_LINK, Target.OPEN, "201", "403 ORGANIZER_ONLY_ACTION",
				"403 USER_NOT_PARTICIPANT", "401 UNAUTHORIZED");
		row(cells, Endpoint.CREATE_INVITE_LINK, Target.DRAFT, "201", "404 NOT_FOUND", "404 NOT_FOUND",
				"401 UNAUTHORIZED");
		row(cells, Endpoint.CREATE_INVITE_LINK, Target.CONFIRMED, "409 INVALID_STATE_TRANSITION",
				"403 ORGANIZER_ONLY_ACTION", "403 USER_NOT_PARTICIPANT", "401 UNAUTHORIZED");
		row(cells, Endpoint.LIST_INVITE_LINKS, Target.OPEN, "200", "403 ORGANIZER_ONLY_ACTION",
				"403 USER_NOT_PARTICIPANT", "401 UNAUTHORIZED");
		row(cells, Endpoint.LIST_INVITE_LINKS, Target.DRAFT, "200", "404 NOT_FOUND", "404 NOT_FOUND",
				"401 UNAUTHORIZED");
		row(cells, Endpoint.REVOKE_INVITE_LINK, Target.OPEN, "204", "403 ORGANIZER_ONLY_ACTION",
				"403 USER_NOT_PARTICIPANT", "401 UNAUTHORIZED");
		row(cells, Endpoint.REVOKE_INVITE_LINK, Target.DRAFT, "204", "404 NOT_FOUND", "404 NOT_FOUND",
				"401 UNAUTHORIZED");
		row(cells, Endpoint.PREVIEW_INVITE, Target.OPEN, "200", "200", "200", "401 UNAUTHORIZED");
		row(cells, Endpoint.PREVIEW_INVITE, Target.DRAFT, "404 INVITE_NOT_FOUND", "404 INVITE_NOT_FOUND",
				"404 INVITE_NOT_FOUND", "401 UNAUTHORIZED");
		row(cells, Endpoint.JOIN_INVITE, Target.OPEN, "200", "200", "200", "401 UNAUTHORIZED");
		row(cells, Endpoint.JOIN_INVITE, Target.DRAFT, "404 INVITE_NOT_FOUND", "404 INVITE_NOT_FOUND",
				"404 INVITE_NOT_FOUND", "401 UNAUTHORIZED");
		row(cells, Endpoint.GET_ORGANIZERS_EVENT_ICS, Target.CONFIRMED, "200", "403 USER_NOT_EVENT_OWNER",
				"403 USER_NOT_EVENT_OWNER", "401 UNAUTHORIZED");
		row(cells, Endpoint.GET_INVITEES_EVENT_ICS, Target.CONFIRMED, "403 USER_NOT_EVENT_OWNER", "200",
				"403 USER_NOT_EVENT_OWNER", "401 UNAUTHORIZED");
		row(cells, Endpoint.PUT_CALENDAR_FEED, Target.CONFIRMED, "200", "200", "200", "401 UNAUTHORIZED");
		row(cells, Endpoint.DELETE_CALENDAR_FEED, Target.CONFIRMED, "204", "204", "204", "401 UNAUTHORIZED");
		row(cells, Endpoint.GET_NEGOTIATION_KEYS, Target.OPEN, "200", "200", "403 USER_NOT_PARTICIPANT",
				"401 UNAUTHORIZED");
		row(cells, Endpoint.GET_NEGOTIATION_KEYS, Target.DRAFT, "200", "404 NOT_FOUND", "404 NOT_FOUND",
				"401 UNAUTHORIZED");
		row(cells, Endpoint.GET_NEGOTIATION_KEYS, Target.CONFIRMED, "200", "200", "403 USER_NOT_PARTICIPANT",
				"401 UNAUTHORIZED");
		row(cells, Endpoint.PUT_WRAPPED_KEYS, Target.OPEN, "200", "200", "403 USER_NOT_PARTICIPANT",
				"401 UNAUTHORIZED");
		row(cells, Endpoint.PUT_WRAPPED_KEYS, Target.DRAFT, "200", "404 NOT_FOUND", "404 NOT_FOUND",
				"401 UNAUTHORIZED");
		row(cells, Endpoint.PUT_WRAPPED_KEYS, Target.CONFIRMED, "200", "200", "403 USER_NOT_PARTICIPANT",
				"401 UNAUTHORIZED");
		row(cells, Endpoint.LIST_PEOPLE, Target.OPEN, "200", "200", "200", "401 UNAUTHORIZED");
		row(cells, Endpoint.LIST_PEOPLE, Target.DRAFT, "200", "200", "200", "401 UNAUTHORIZED");
		return cells.stream();
	}

	private static void row(List<Arguments> cells, Endpoint endpoint, Target target, String... outcomes) {
		Role[] roles = Role.values();
		for (int i = 0; i < roles.length; i++) {
			String[] outcome = outcomes[i].split(" ");
			cells.add(Arguments.of(endpoint, target, roles[i], Integer.parseInt(outcome[0]),
					outcome.length > 1 ? outcome[1] : null));
		}
	}

	@ParameterizedTest(name = "{0} on {1} as {2} -> {3} {4}")
	@MethodSource("matrix")
	void endpointWhenCalledByRoleReturnsExactStatusAndCode(Endpoint endpoint, Target target, Role role, int status,
			String code) {
		AuthorizationMatrixExpectations expect = new AuthorizationMatrixExpectations(api, jdbc);
		World world = world(target, expect);
		TestUser caller = switch (role) {
			case ORGANIZER -> world.alice;
			case INVITEE -> world.bob;
			case STRANGER -> world.mallory;
			case NO_TOKEN -> null;
		};
		JsonNode before = expect.get(world.alice, world.id).data();

		ApiResponse response = call(endpoint, world, caller);

		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		if (code == null) {
			boolean json = status != 204 && !endpoint.name().endsWith("_ICS");
			assertThat(response.body().has("data")).as(response.toString()).isEqualTo(json);
			assertThat(response.body().has("error")).isFalse();
			expect.successContent(endpoint, target, role, world, response);
		}
		else {
			assertErrorEnvelope(response, status, code);
			AuthorizationMatrixExpectations.refusalDetails(endpoint, world, response, code);
			JsonNode after = expect.get(world.alice, world.id).data();
			assertThat(after.path("revision").asInt()).as("a refused request changes nothing")
				.isEqualTo(before.path("revision").asInt());
			assertThat(after.path("state").asString()).isEqualTo(before.path("state").asString());
			assertThat(AuthorizationMatrixExpectations.statuses(after))
				.isEqualTo(AuthorizationMatrixExpectations.statuses(before));
			assertThat(expect.eventStatuses(world.id)).isEqualTo(world.eventStatusesBefore);
			assertThat(jdbc.sql("SELECT count(*) FROM negotiation_wrapped_keys WHERE negotiation_id = ?")
				.param(UUID.fromString(world.id))
				.query(Long.class)
				.single()).as("a refused request stores no wrapping").isZero();
		}
	}

	// ---------------------------------------------------------------- the requests

	private ApiResponse call(Endpoint endpoint, World world, TestUser caller) {
		ApiClient.Call call = switch (endpoint) {
			case GET_NEGOTIATION -> api.get("/negotiations/" + world.id);
			case LIST_NEGOTIATIONS -> api.get("/negotiations");
			case REPLY -> api.post("/negotiate/reply").json(NegotiationFixtures.reply(world.id, "accept"));
			case CANCEL -> api.post("/negotiate/cancel").json(Map.of("negotiation_id", world.id));
			case GET_ORGANIZERS_EVENT -> api.get("/events/" + world.aliceEvent);
			case GET_INVITEES_EVENT -> api.get("/events/" + world.bobEvent);
			case LIST_EVENTS -> api.get("/events");
			case UPCOMING_EVENTS -> api.get("/events/upcoming");
			case CREATE_EVENT -> api.post("/events").json(Map.of("title", "Standalone", "negotiation_id", world.id));
			case CREATE_INVITE_LINK ->
				api.post("/negotiations/" + world.id + "/invite-links").json(Map.of("max_uses", 5));
			case LIST_INVITE_LINKS -> api.get("/negotiations/" + world.id + "/invite-links");
			case REVOKE_INVITE_LINK -> api.delete("/negotiations/" + world.id + "/invite-links/" + world.linkId);
			case PREVIEW_INVITE -> api.get("/invites/" + world.linkToken);
			case JOIN_INVITE -> api.post("/invites/" + world.linkToken + "/join");
			case GET_ORGANIZERS_EVENT_ICS -> api.get("/events/" + world.aliceEvent + "/ics");
			case GET_INVITEES_EVENT_ICS -> api.get("/events/" + world.bobEvent + "/ics");
			case PUT_CALENDAR_FEED -> api.put("/me/calendar-feed");
			case DELETE_CALENDAR_FEED -> api.delete("/me/calendar-feed");
			case GET_NEGOTIATION_KEYS -> api.get("/negotiations/" + world.id + "/keys");
			case PUT_WRAPPED_KEYS -> api.put("/negotiations/" + world.id + "/wrapped-keys")
				.json(List.of(Map.of("recipient_key_id", world.bobKey.keyId(), "wrapped_key", WRAPPED,
						"wrapped_key_version", 1)));
			case LIST_PEOPLE -> api.get("/me/people");
		};
		if (caller != null) {
			call.token(caller.token());
		}
		return call.send();
	}

	// ---------------------------------------------------------------- fixtures

	record World(TestUser alice, TestUser bob, TestUser mallory, String id, String aliceEvent, String bobEvent,
			List<String> eventStatusesBefore, String linkId, String linkToken, TestKeys bobKey) {
	}

	private World world(Target target, AuthorizationMatrixExpectations expect) {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser mallory = signIn("Mallory");
		List<TestUser> invitees = target == Target.CONFIRMED ? List.of(bob) : List.of(bob, signIn("Carol"));
		Map<String, Object> body = NegotiationFixtures.start(invitees);
		if (target == Target.DRAFT) {
			body.put("send", false);
		}
		ApiResponse started = api.post("/negotiate/start").token(alice.token()).json(body).send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		String id = started.data().path("id").asString();
		String aliceEvent = null;
		String bobEvent = null;
		if (target == Target.CONFIRMED) {
			ApiResponse accepted = api.post("/negotiate/reply")
				.token(bob.token())
				.json(NegotiationFixtures.reply(id, "accept"))
				.send();
			assertThat(accepted.data().path("state").asString()).as(accepted.toString()).isEqualTo("confirmed");
			aliceEvent = eventOf(id, alice);
			bobEvent = eventOf(id, bob);
		}
		String linkId = null;
		String linkToken = null;
		if (target != Target.CONFIRMED) {
			ApiResponse link = api.post("/negotiations/" + id + "/invite-links")
				.token(alice.token())
				.json(Map.of())
				.send();
			assertThat(link.status()).as(link.toString()).isEqualTo(201);
			linkId = link.data().path("id").asString();
			linkToken = link.data().path("token").asString();
		}
		return new World(alice, bob, mallory, id, aliceEvent, bobEvent, expect.eventStatuses(id), linkId, linkToken,
				TestKeys.generate().publish(api, bob));
	}

	private String eventOf(String negotiationId, TestUser owner) {
		return jdbc.sql("""
				SELECT e.id FROM events e JOIN app_users u ON u.id = e.owner_id
				 WHERE e.negotiation_id = ? AND u.firebase_uid = ?""")
			.param(UUID.fromString(negotiationId))
			.param(owner.uid())
			.query(UUID.class)
			.single()
			.toString();
	}

}
