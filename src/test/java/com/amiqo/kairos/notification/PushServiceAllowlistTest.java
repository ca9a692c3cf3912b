package com.amiqo.kairos.notification;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which endpoints the server may post to: the default allowlist and its matching rules.
 */
class PushServiceAllowlistTest {

	private final PushServiceAllowlist vendors = new PushServiceAllowlist(PushServiceAllowlist.BROWSER_VENDORS);

	@ParameterizedTest
	@ValueSource(strings = { "https://fcm.googleapis.com/fcm/send/dXJsLXNhZmUtdG9rZW4",
			"https://FCM.googleapis.com/wp/abc", "https://updates.push.services.mozilla.com/wpush/v2/gAAAAABk",
			"https://web.push.apple.com/QGdBxZ2X", "https://api.push.apple.com/3/x",
			"https://wns2-par02p.notify.windows.com/w/?token=BQYAAAB", "https://fcm.googleapis.com:443/fcm/send/x" })
	void refusalWhenABrowserVendorsPushServiceIsNull(String endpoint) {
		assertThat(vendors.refusal(endpoint)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://fcm.googleapis.com/fcm/send/x", "https://fcm.googleapis.com.evil.example/x",
			"https://evilfcm.googleapis.com/x", "https://googleapis.com/x", "https://push.apple.com/x",
			"https://apple.com/x", "https://fcm.googleapis.com:8443/x", "https://user@fcm.googleapis.com/x",
			"https://fcm.googleapis.com/x#fragment", "https://127.0.0.1/x", "https://[::1]/x", "https://localhost/x",
			"https://metadata.google.internal/computeMetadata/v1/", "ftp://fcm.googleapis.com/x",
			"fcm.googleapis.com/x", "https:fcm.googleapis.com", "not a url", "", "https://fcm.googleapis.com./x" })
	void refusalWhenNotAnAllowedHttpsEndpointSaysWhy(String endpoint) {
		assertThat(vendors.refusal(endpoint)).isNotBlank();
	}

	@Test
	void refusalWhenEndpointIsOverLongSaysSo() {
		assertThat(vendors.refusal("https://fcm.googleapis.com/" + "a".repeat(2048))).contains("2048");
	}

	@Test
	void refusalWhenEntryNamesAPortMatchesOnlyThatPort() {
		PushServiceAllowlist stub = new PushServiceAllowlist(List.of("localhost:8443", "*.push.test:9000"));

		assertThat(stub.refusal("https://localhost:8443/push/1")).isNull();
		assertThat(stub.refusal("https://a.b.push.test:9000/push/1")).isNull();
		assertThat(stub.refusal("https://localhost/push/1")).isNotNull();
		assertThat(stub.refusal("https://localhost:8444/push/1")).isNotNull();
		assertThat(stub.refusal("https://push.test:9000/push/1")).isNotNull();
	}

	@Test
	void problemWhenAnEntryIsNotAHostNameNamesTheVariable() {
		assertThat(PushServiceAllowlist.problem(List.of("https://fcm.googleapis.com")))
			.contains("WEB_PUSH_ALLOWED_HOSTS");
		assertThat(PushServiceAllowlist.problem(List.of("*"))).contains("WEB_PUSH_ALLOWED_HOSTS");
		assertThat(PushServiceAllowlist.problem(List.of("localhost:99999"))).contains("WEB_PUSH_ALLOWED_HOSTS");
		assertThat(PushServiceAllowlist.problem(PushServiceAllowlist.BROWSER_VENDORS)).isNull();
	}

}
