package com.amiqo.kairos.auth;

import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

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

	@Test
	void resolveWhenRandomHeadersAgreesWithTheLibraryResolver() {
		DefaultBearerTokenResolver library = new DefaultBearerTokenResolver();
		String[] schemes = { "Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Bearerx ", "Basic ", " Bearer ",
				"" };
		String alphabet = "aZ09._~+/-= \t:;,\"\u00e9*";
		SplittableRandom random = new SplittableRandom(6750);
		for (int i = 0; i < 100_000; i++) {
			StringBuilder header = new StringBuilder(schemes[random.nextInt(schemes.length)]);
			for (int k = random.nextInt(7); k > 0; k--) {
				header.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String candidate = header.toString();
			assertThat(outcome(() -> resolver.resolve(request("/me", candidate)))).as(candidate)
				.isEqualTo(outcome(() -> library.resolve(request("/me", candidate))));
		}
	}

	/**
	 * The token, or "malformed" for a header the API refuses (the library: none or
	 * invalid).
	 */
	private static String outcome(java.util.function.Supplier<@Nullable String> resolve) {
		try {
			String token = resolve.get();
			return token == null ? "malformed" : token;
		}
		catch (OAuth2AuthenticationException malformed) {
			return "malformed";
		}
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
