package com.amiqo.kairos.negotiation;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply answers with the negotiation as stored: its body and ETag are exactly what the
 * replier's next GET returns, whichever way the service builds it (from its own writes,
 * or read back when options were added or events created).
 */
class ReplyResponseTest extends ApiTest {

	NegotiationCalls negotiations;

	@BeforeEach
	void negotiationCalls() {
		negotiations = new NegotiationCalls(api, jdbc);
	}

	@ParameterizedTest
	@ValueSource(strings = { "accept", "decline", "accept-with-blob", "decline-with-blob", "decline-after-blob",
			"counter", "confirming" })
	void replyWhenAnyOutcomeAnswersWhatAGetReturns(String kind) {
		TestUser organizer = signIn("Olga");
		TestUser first = signIn("Ana");
		TestUser second = signIn("Ben");
		String id = negotiations.startOk(organizer, NegotiationFixtures.start(List.of(first, second)))
			.path("id")
			.asString();
		TestUser replier = first;
		Map<String, Object> body = NegotiationFixtures.reply(id, kind.startsWith("decline") ? "decline" : "accept");
		Consumer<Map<String, Object>> shape = switch (kind) {
			case "accept-with-blob", "decline-with-blob" -> b -> {
				b.put("encrypted_payload", "c2VjcmV0IG5vdGU=");
				b.put("encrypted_blob_version", 2);
			};
			case "counter" -> b -> {
				b.put("action", "counter");
				b.put("counter_slots", List.of(NegotiationFixtures.slot(NegotiationFixtures.inDays(5))));
				b.put("counter_venues", List.of(NegotiationFixtures.venue("Elsewhere")));
			};
			default -> b -> {
			};
		};
		shape.accept(body);
		if (kind.equals("decline-after-blob")) {
			// A later answer without a blob keeps the one stored before.
			Map<String, Object> withBlob = NegotiationFixtures.reply(id, "accept");
			withBlob.put("encrypted_payload", "c2VjcmV0IG5vdGU=");
			withBlob.put("encrypted_blob_version", 2);
			assertThat(negotiations.reply(replier, withBlob).status()).isEqualTo(200);
		}
		if (kind.equals("confirming")) {
			assertThat(negotiations.reply(second, NegotiationFixtures.reply(id, "accept")).status()).isEqualTo(200);
		}

		ApiResponse replied = negotiations.reply(replier, body);
		ApiResponse read = negotiations.get(replier, id);

		assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
		assertThat(replied.data()).isEqualTo(read.data());
		assertThat(replied.header("ETag")).isEqualTo(read.header("ETag"));
	}

}
