package com.amiqo.kairos.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.amiqo.kairos.negotiation.AuthorizationMatrixTest.Endpoint;
import com.amiqo.kairos.negotiation.AuthorizationMatrixTest.Role;
import com.amiqo.kairos.negotiation.AuthorizationMatrixTest.Target;
import com.amiqo.kairos.negotiation.AuthorizationMatrixTest.World;
import com.amiqo.kairos.support.ApiClient;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.negotiation.AuthorizationMatrixTest.WRAPPED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each cell of {@link AuthorizationMatrixTest} must show beyond its status and code:
 * the content an allowed request returns to its caller (and, for lists, what it must
 * not), and the details a refusal carries.
 */
final class AuthorizationMatrixExpectations {

	private final ApiClient api;

	private final JdbcClient jdbc;

	AuthorizationMatrixExpectations(ApiClient api, JdbcClient jdbc) {
		this.api = api;
		this.jdbc = jdbc;
	}

	/** What a 200 must show the caller (and, for lists, what it must not). */
	void successContent(Endpoint endpoint, Target target, Role role, World world, ApiResponse response) {
		JsonNode data = response.data();
		switch (endpoint) {
			case GET_NEGOTIATION -> {
				assertThat(data.path("id").asString()).isEqualTo(world.id());
				assertThat(data.path("my_status").asString()).isEqualTo(
						role == Role.ORGANIZER ? "organizer" : target == Target.CONFIRMED ? "accepted" : "invited");
				assertThat(response.header("ETag")).isEqualTo("\"" + data.path("revision").asInt() + "\"");
			}
			case LIST_NEGOTIATIONS -> {
				boolean sees = role == Role.ORGANIZER || (role == Role.INVITEE && target != Target.DRAFT);
				if (sees) {
					assertThat(ids(data)).contains(world.id());
				}
				else {
					assertThat(ids(data)).doesNotContain(world.id());
				}
				assertThat(response.body().path("meta").path("pagination").isObject()).isTrue();
			}
			case REPLY -> {
				assertThat(data.path("id").asString()).isEqualTo(world.id());
				assertThat(data.path("state").asString()).isEqualTo("awaiting_replies");
				assertThat(data.path("my_status").asString())
					.isEqualTo(role == Role.ORGANIZER ? "organizer" : "accepted");
			}
			case CANCEL -> {
				assertThat(data.path("state").asString()).isEqualTo("cancelled");
				assertThat(eventStatuses(world.id())).allMatch("cancelled"::equals);
			}
			case GET_ORGANIZERS_EVENT -> assertThat(data.path("id").asString()).isEqualTo(world.aliceEvent());
			case GET_INVITEES_EVENT -> assertThat(data.path("id").asString()).isEqualTo(world.bobEvent());
			case LIST_EVENTS, UPCOMING_EVENTS -> {
				List<String> ids = ids(data);
				switch (role) {
					case ORGANIZER -> assertThat(ids).containsExactly(world.aliceEvent());
					case INVITEE -> assertThat(ids).containsExactly(world.bobEvent());
					default -> assertThat(ids).isEmpty();
				}
			}
			case CREATE_EVENT -> throw new AssertionError("POST /events never succeeds");
			case CREATE_INVITE_LINK -> {
				assertThat(data.path("token").asString()).hasSize(22);
				assertThat(data.path("max_uses").asInt()).isEqualTo(5);
			}
			case LIST_INVITE_LINKS -> assertThat(ids(data)).containsExactly(world.linkId());
			case REVOKE_INVITE_LINK ->
				assertThat(jdbc.sql("SELECT revoked_at IS NOT NULL FROM invite_links WHERE id = ?")
					.param(UUID.fromString(world.linkId()))
					.query(Boolean.class)
					.single()).isTrue();
			case PREVIEW_INVITE -> {
				assertThat(data.path("negotiation_id").asString()).isEqualTo(world.id());
				assertThat(data.path("already_participant").asBoolean()).isEqualTo(role != Role.STRANGER);
			}
			case JOIN_INVITE -> {
				assertThat(data.path("id").asString()).isEqualTo(world.id());
				assertThat(data.path("participant_count").asInt()).isEqualTo(role == Role.STRANGER ? 4 : 3);
				assertThat(data.path("my_status").asString())
					.isEqualTo(role == Role.ORGANIZER ? "organizer" : "invited");
			}
			case GET_ORGANIZERS_EVENT_ICS, GET_INVITEES_EVENT_ICS -> {
				assertThat(response.header("Content-Type")).startsWith("text/calendar");
				assertThat(com.amiqo.kairos.calendar.IcsFiles.value(com.amiqo.kairos.calendar.IcsFiles
					.events(com.amiqo.kairos.calendar.IcsFiles.parseValid(response.raw()))
					.get(0), "UID")).isEqualTo(world.id() + "@kairos.amiqo");
			}
			case PUT_CALENDAR_FEED ->
				assertThat(data.path("url").asString()).startsWith("http://localhost:8080/calendar/");
			case DELETE_CALENDAR_FEED -> assertThat(response.raw()).isEmpty();
			case GET_NEGOTIATION_KEYS -> {
				assertThat(data.size()).isEqualTo(1);
				assertThat(data.path(0).path("key_id").asString()).isEqualTo(world.bobKey().keyId());
				assertThat(data.path(0).path("user_id").asString()).isEqualTo(world.bob().uid());
			}
			case PUT_WRAPPED_KEYS -> {
				assertThat(data.path("created").path(0).asString()).isEqualTo(world.bobKey().keyId());
				// A draft's invitee cannot read it yet; the wrapping waits for the send.
				if (target != Target.DRAFT) {
					assertThat(get(world.bob(), world.id()).data()
						.path("my_wrapped_keys")
						.path(0)
						.path("wrapped_key")
						.asString()).isEqualTo(WRAPPED);
				}
			}
			case LIST_PEOPLE -> {
				// Participants only, and a draft links its organizer to its invitees, not
				// back.
				List<String> uids = new ArrayList<>();
				data.forEach(person -> uids.add(person.path("user_id").asString()));
				switch (role) {
					case ORGANIZER ->
						assertThat(uids).contains(world.bob().uid()).doesNotContain(world.mallory().uid());
					case INVITEE -> {
						if (target == Target.DRAFT) {
							assertThat(uids).isEmpty();
						}
						else {
							assertThat(uids).contains(world.alice().uid()).doesNotContain(world.mallory().uid());
						}
					}
					default -> assertThat(uids).isEmpty();
				}
			}
		}
	}

	static void refusalDetails(Endpoint endpoint, World world, ApiResponse response, String code) {
		JsonNode details = response.error().path("details");
		switch (code) {
			case "UNAUTHORIZED" -> {
				assertThat(details.path("reason").asString()).isEqualTo("missing_token");
				assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
			}
			case "USER_NOT_PARTICIPANT" -> assertThat(details.path("negotiation_id").asString()).isEqualTo(world.id());
			case "ORGANIZER_ONLY_ACTION" -> {
				assertThat(details.path("negotiation_id").asString()).isEqualTo(world.id());
				assertThat(details.path("requested_action").asString()).isEqualTo(switch (endpoint) {
					case CREATE_INVITE_LINK -> "create_invite_link";
					case LIST_INVITE_LINKS -> "list_invite_links";
					case REVOKE_INVITE_LINK -> "revoke_invite_link";
					default -> "cancel";
				});
			}
			case "INVALID_STATE_TRANSITION" -> {
				assertThat(details.path("current_state").asString()).isEqualTo("confirmed");
				assertThat(details.path("requested_action").asString()).isEqualTo("create_invite_link");
			}
			case "INVITE_NOT_FOUND" -> assertThat(details.isEmpty()).isTrue();
			case "USER_NOT_EVENT_OWNER" -> assertThat(details.path("event_id").asString())
				.isEqualTo(endpoint == Endpoint.GET_ORGANIZERS_EVENT || endpoint == Endpoint.GET_ORGANIZERS_EVENT_ICS
						? world.aliceEvent() : world.bobEvent());
			case "NOT_FOUND", "EVENT_CREATION_DISABLED" -> assertThat(details.isObject()).isTrue();
			default -> throw new AssertionError("unexpected code " + code);
		}
	}

	List<String> eventStatuses(String negotiationId) {
		return jdbc.sql("SELECT status FROM events WHERE negotiation_id = ? ORDER BY id")
			.param(UUID.fromString(negotiationId))
			.query(String.class)
			.list();
	}

	ApiResponse get(TestUser user, String id) {
		ApiResponse response = api.get("/negotiations/" + id).token(user.token()).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response;
	}

	static List<String> statuses(JsonNode negotiation) {
		List<String> statuses = new ArrayList<>();
		for (JsonNode participant : negotiation.path("participants")) {
			statuses.add(participant.path("user_id").asString() + "=" + participant.path("status").asString());
		}
		return statuses;
	}

	private static List<String> ids(JsonNode array) {
		assertThat(array.isArray()).as("a list: " + array).isTrue();
		List<String> ids = new ArrayList<>();
		for (JsonNode item : array) {
			ids.add(item.path("id").asString());
		}
		return ids;
	}

}
