package com.amiqo.kairos.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which {@code Authorization} headers yield a token, none, or {@code malformed_header}.
 */
class BearerTokenHeaderResolverTest {

	private final BearerTokenHeaderResolver resolver = new BearerTokenHeaderResolver();

	@Test
	void resolveWhenBearerTokenReturnsIt() {
		assertThat(resolver.resolve(request("/me", "Bearer abc.DEF-_~+/0=="))).isEqualTo("abc.DEF-_~+/0==");
		assertThat(resolver.resolve(request("/me", "bearer abc"))).isEqualTo("abc");
	}

	@Test
	void resolveWhenNoHeaderReturnsNull() {
		assertThat(resolver.resolve(request("/me", null))).isNull();
	}

	@Test
	void resolveWhenPublicEndpointIgnoresEvenAMalformedHeader() {
		assertThat(resolver.resolve(request("/health", "Basic x"))).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Bearer a b", "Bearer a=b", "Bearer é",
			"Token abc", "abc" })
	void resolveWhenHeaderIsNotBearerTokenThrowsMalformedHeader(String header) {
		assertThatThrownBy(() -> resolver.resolve(request("/me", header)))
			.isInstanceOf(MalformedAuthorizationHeaderException.class);
	}

	@Test
	void resolveWhenTokenOnlyInQueryParameterReturnsNull() {
		MockHttpServletRequest request = request("/me", null);
		request.setParameter("access_token", "abc");
		assertThat(resolver.resolve(request)).isNull();
	}

	private static MockHttpServletRequest request(String path, String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServletPath(path);
		if (header != null) {
			request.addHeader("Authorization", header);
		}
		return request;
	}

}
