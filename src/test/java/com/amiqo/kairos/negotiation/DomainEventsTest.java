package com.amiqo.kairos.negotiation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-process hooks: domain events reach a listener after commit, once per change, and
 * never for a no-op retry. {@link ExampleNegotiationListener} is the pattern a
 * server-side integration follows.
 */
class DomainEventsTest extends ApiTest {

	@Autowired
	ExampleNegotiationListener listener;

	@Autowired
	DeadlineSweeps sweeps;

	@BeforeEach
	void forgetEarlierEvents() {
		listener.received.clear();
	}

	@Test
	void startReplyAndConfirmationPublishOneEventEachAfterCommit() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		java.util.UUID id = start(olga, ann);

		ApiResponse accepted = api.post("/negotiate/reply")
			.token(ann.token())
			.json(NegotiationFixtures.reply(id.toString(), "accept"))
			.send();
		api.post("/negotiate/reply").token(ann.token()).json(NegotiationFixtures.reply(id.toString(), "accept")).send();

		assertThat(accepted.status()).isEqualTo(200);
		List<Object> events = listener.about(id);
		assertThat(events).hasSize(3);
		assertThat(events.get(0)).isInstanceOfSatisfying(NegotiationEvents.NegotiationStarted.class,
				started -> assertThat(started.sent()).isTrue());
		assertThat(events.get(1)).isInstanceOfSatisfying(NegotiationEvents.ReplyRecorded.class, reply -> {
			assertThat(reply.action()).isEqualTo("accept");
			assertThat(reply.state()).isEqualTo("confirmed");
			assertThat(reply.revision()).isEqualTo(1);
		});
		assertThat(events.get(2)).isInstanceOfSatisfying(NegotiationEvents.NegotiationConfirmed.class,
				confirmed -> assertThat(confirmed.finalSlotId().toString())
					.isEqualTo(accepted.data().path("final_slot_id").asString()));
	}

	@Test
	void cancelAndExpiryPublishTheirEvents() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		java.util.UUID cancelled = start(olga, ann);
		java.util.UUID expired = start(olga, ann);
		api.post("/negotiate/cancel").token(olga.token()).json(Map.of("negotiation_id", cancelled.toString())).send();
		jdbc.sql("UPDATE negotiations SET expires_at = now() - interval '1 second' WHERE id = :id")
			.param("id", expired)
			.update();

		sweeps.expireOverdue(500);

		assertThat(listener.about(cancelled)).last()
			.isInstanceOfSatisfying(NegotiationEvents.NegotiationCancelled.class,
					event -> assertThat(event.wasConfirmed()).isFalse());
		assertThat(listener.about(expired)).last().isEqualTo(new NegotiationEvents.NegotiationExpired(expired));
	}

	private java.util.UUID start(TestUser organizer, TestUser invitee) {
		ApiResponse started = api.post("/negotiate/start")
			.token(organizer.token())
			.json(NegotiationFixtures.start(List.of(invitee)))
			.send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return java.util.UUID.fromString(started.data().path("id").asString());
	}

}
