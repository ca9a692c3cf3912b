package com.amiqo.kairos.api.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestTokens;

import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(
		properties = { "kairos.rate-limit.per-user-per-minute=5", "kairos.rate-limit.global-per-second=25" })
class RateLimitApiTest extends ApiTest {

	@Test
	void requestsOverThePerUserLimitReturn429WithRetryAfter() {
		String token = TestTokens.valid(newUid("limited"));
		long started = System.nanoTime();
		int served = 0;
		ApiResponse limited = api.get("/me").token(token).send();
		while (limited.status() == 200 && served < 100) {
			served++;
			limited = api.get("/me").token(token).send();
		}
		long elapsedSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

		// The bucket refills greedily, one request every 12 s at 5 a minute, so a machine
		// slow enough to take that long for these requests serves one more per 12 s.
		assertThat(served).isBetween(5, 5 + (int) (elapsedSeconds / 12));
		assertErrorEnvelope(limited, 429, "RATE_LIMIT_EXCEEDED");
		long retryAfter = limited.error().path("details").path("retry_after_seconds").asLong();
		assertThat(retryAfter).isBetween(1L, 60L);
		assertThat(limited.header("Retry-After")).isEqualTo(Long.toString(retryAfter));
		assertThat(limited.error().path("details").path("scope").asString()).isEqualTo("user");
	}

	@Test
	void oneUsersLimitDoesNotAffectAnother() {
		String greedy = TestTokens.valid(newUid("greedy"));
		for (int i = 0; i < 6; i++) {
			api.get("/me").token(greedy).send();
		}

		assertThat(api.get("/me").token(TestTokens.valid(newUid("polite"))).send().status()).isEqualTo(200);
	}

	@Test
	void burstOverTheGlobalLimitReturns429ButHealthIsNeverThrottled() {
		List<ApiResponse> responses = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			responses.add(api.get("/version").send());
		}

		ApiResponse limited = responses.stream().filter(response -> response.status() == 429).findFirst().orElseThrow();
		assertThat(limited.error().path("details").path("scope").asString()).isEqualTo("global");
		assertThat(limited.header("Retry-After")).isNotBlank();
		assertThat(api.get("/health").send().status()).isEqualTo(200);
	}

}
