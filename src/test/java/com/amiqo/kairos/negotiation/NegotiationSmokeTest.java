package com.amiqo.kairos.negotiation;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

class NegotiationSmokeTest extends ApiTest {

	@Test
	void oneToOneAcceptConfirms() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		ApiResponse started = api.post("/negotiate/start")
			.token(alice.token())
			.json(NegotiationFixtures.start(List.of(bob)))
			.send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		String id = started.data().path("id").asString();

		ApiResponse replied = api.post("/negotiate/reply")
			.token(bob.token())
			.json(NegotiationFixtures.reply(id, "accept"))
			.send();

		assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
		assertThat(replied.data().path("state").asString()).isEqualTo("confirmed");
		ApiResponse events = api.get("/events/upcoming").token(bob.token()).send();
		assertThat(events.status()).as(events.toString()).isEqualTo(200);
	}

}
