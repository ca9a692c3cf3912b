package com.amiqo.kairos.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.amiqo.kairos.auth.AuthProperties;
import com.amiqo.kairos.auth.LocalIssuerCondition;

/** What the web client's pages may talk to, derived once from the configuration. */
@Component
class WebClientSettings {

	/** Firebase Authentication's REST hosts (sign-in and token refresh). */
	private static final List<String> FIREBASE_HOSTS = List.of("https://identitytoolkit.googleapis.com",
			"https://securetoken.googleapis.com");

	private final boolean localIssuer;

	private final String contentSecurityPolicy;

	WebClientSettings(Environment environment, AuthProperties auth, WebClientProperties web) {
		this.localIssuer = LocalIssuerCondition.isEnabled(environment);
		List<String> connect = new ArrayList<>(List.of("'self'"));
		if (web.firebaseWebApiKey() != null) {
			connect.addAll(FIREBASE_HOSTS);
		}
		if (auth.emulatorMode()) {
			connect.add(emulatorUrl(auth));
		}
		// No inline script or style anywhere, no third-party code, no framing, no
		// plugins.
		this.contentSecurityPolicy = String.join("; ", "default-src 'none'", "script-src 'self'", "style-src 'self'",
				"img-src 'self' data:", "connect-src " + String.join(" ", connect), "manifest-src 'self'",
				"form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'");
	}

	boolean localIssuer() {
		return localIssuer;
	}

	String contentSecurityPolicy() {
		return contentSecurityPolicy;
	}

	/**
	 * The emulator as the browser reaches it ({@code FIREBASE_AUTH_EMULATOR_HOST} is
	 * {@code host:port}).
	 */
	static String emulatorUrl(AuthProperties auth) {
		String host = Objects.requireNonNull(auth.emulatorHost(), "only asked in emulator mode").strip();
		return host.startsWith("http://") || host.startsWith("https://") ? host : "http://" + host;
	}

}
