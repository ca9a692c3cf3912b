package com.amiqo.kairos.support;

import com.amiqo.kairos.support.ApiClient.ApiResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions every API test shares. */
public final class ApiAssertions {

	private ApiAssertions() {
	}

	/**
	 * The docs/reference.md#conventions error envelope: only {@code error} with code,
	 * message and details; nothing internal.
	 */
	public static void assertErrorEnvelope(ApiResponse response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(response.body().propertyNames()).containsExactly("error");
		assertThat(response.error().propertyNames()).containsExactlyInAnyOrder("code", "message", "details");
		assertThat(response.errorCode()).as(response.toString()).isEqualTo(code);
		assertThat(response.error().path("message").asString()).isNotBlank();
		assertThat(response.error().path("details").isObject()).isTrue();
		assertThat(response.header("X-Request-Id")).isNotBlank();
		assertThat(response.raw()).doesNotContain("Exception").doesNotContain("trace").doesNotContain("\"path\"");
	}

}
