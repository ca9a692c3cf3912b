package com.amiqo.kairos.negotiation;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The per-instance profile cache: a profile changed through another instance (simulated
 * by writing the row directly) reaches this one's responses within the cache's TTL, and
 * the user's own {@code GET /me} and {@code PATCH /me} never show a stale profile.
 */
class ProfileCacheTest extends ApiTest {

	NegotiationCalls negotiations;

	@BeforeEach
	void negotiationCalls() {
		negotiations = new NegotiationCalls(api, jdbc);
	}

	private static final Duration TTL = Duration.parse("PT" + ApiTest.PROFILE_CACHE_TTL.toUpperCase());

	@Test
	void meWhenProfileChangedElsewhereShowsTheChangeAtOnce() {
		TestUser alice = signIn("Alice");

		renameBehindTheServicesBack(alice, "Alice Elsewhere");

		assertThat(api.get("/me").token(alice.token()).send().data().path("display_name").asString())
			.isEqualTo("Alice Elsewhere");
	}

	@Test
	void patchMeWhenProfileIsCachedShowsTheNewNameEverywhereAtOnce() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		api.patch("/me").token(alice.token()).json(java.util.Map.of("display_name", "Alice Renamed")).send();

		String preview = negotiations.startOk(alice, NegotiationFixtures.start(List.of(bob)))
			.path("last_message_preview")
			.asString();

		assertThat(preview).startsWith("Alice Renamed");
	}

	@Test
	void startWhenProfileChangedElsewhereUsesTheNewNameWithinTheTtl() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		renameBehindTheServicesBack(alice, "Alice Elsewhere");

		await().atMost(TTL.plusSeconds(2))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(negotiations.startOk(alice, NegotiationFixtures.start(List.of(bob)))
				.path("last_message_preview")
				.asString()).startsWith("Alice Elsewhere"));
	}

	private void renameBehindTheServicesBack(TestUser user, String name) {
		jdbc.sql("UPDATE app_users SET display_name = ?, updated_at = now() WHERE firebase_uid = ?")
			.param(name)
			.param(user.uid())
			.update();
	}

}
