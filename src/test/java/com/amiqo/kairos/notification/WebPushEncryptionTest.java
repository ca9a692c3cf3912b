package com.amiqo.kairos.notification;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.support.BrowserPushCrypto;
import com.amiqo.kairos.support.MockPushService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Web Push message encryption against the worked example of RFC 8291 (Appendix A): the
 * same receiver keys, auth secret, sender key pair and salt give the RFC's message byte
 * for byte. And what a browser does with a fresh message: decrypt it.
 */
class WebPushEncryptionTest {

	private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";

	private static final String AUTH_SECRET = "BTBZMqHH6r4Tts7J_aSIgg";

	private static final String RECEIVER_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";

	private static final String RECEIVER_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";

	private static final String SENDER_PUBLIC = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";

	private static final String SENDER_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";

	private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";

	private static final String MESSAGE = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

	@Test
	void encryptWhenGivenTheRfc8291ExampleInputsGivesTheRfcMessage() {
		KeyPair sender = new KeyPair(P256.publicKey(decode(SENDER_PUBLIC)), P256.privateKey(decode(SENDER_PRIVATE)));

		byte[] message = WebPushEncryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), decode(RECEIVER_PUBLIC),
				decode(AUTH_SECRET), decode(SALT), sender);

		assertThat(P256.base64Url(message)).isEqualTo(MESSAGE);
	}

	@Test
	void p256WhenGivenTheRfcKeysRoundTripsThemAndKnowsTheirPairs() {
		assertThat(P256.base64Url(P256.encode(P256.publicKey(decode(RECEIVER_PUBLIC))))).isEqualTo(RECEIVER_PUBLIC);
		assertThat(P256.base64Url(P256.encode(P256.privateKey(decode(RECEIVER_PRIVATE))))).isEqualTo(RECEIVER_PRIVATE);
		assertThat(VapidKeys.of(SENDER_PUBLIC, SENDER_PRIVATE).publicKeyBase64Url()).isEqualTo(SENDER_PUBLIC);
		assertThatThrownBy(() -> VapidKeys.of(SENDER_PUBLIC, RECEIVER_PRIVATE))
			.hasMessageContaining("not one key pair");
	}

	@Test
	void encryptWhenFreshSaltAndKeyGivesWhatTheBrowserDecrypts() throws Exception {
		MockPushService.Subscriber browser = MockPushService.get().subscriber();
		byte[] plaintext = "{\"kind\":\"invited\"}".getBytes(StandardCharsets.UTF_8);

		byte[] first = WebPushEncryption.encrypt(plaintext, decode(browser.p256dh()), decode(browser.auth()));
		byte[] second = WebPushEncryption.encrypt(plaintext, decode(browser.p256dh()), decode(browser.auth()));

		assertThat(BrowserPushCrypto.decrypt(first, browser)).isEqualTo(plaintext);
		assertThat(BrowserPushCrypto.decrypt(second, browser)).isEqualTo(plaintext);
		assertThat(first).isNotEqualTo(second);
		assertThat(first).hasSize(WebPushEncryption.HEADER_BYTES + plaintext.length + 1 + 16);
	}

	@Test
	void encryptWhenPayloadOverOneRecordRefuses() {
		MockPushService.Subscriber browser = MockPushService.get().subscriber();

		assertThatThrownBy(() -> WebPushEncryption.encrypt(new byte[WebPushEncryption.MAX_PLAINTEXT_BYTES + 1],
				decode(browser.p256dh()), decode(browser.auth())))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void isPublicKeyWhenNotAPointOnTheCurveIsFalse() {
		byte[] key = decode(RECEIVER_PUBLIC);
		key[64] ^= 1;
		byte[] compressed = new byte[33];
		compressed[0] = 2;

		assertThat(P256.isPublicKey(decode(RECEIVER_PUBLIC))).isTrue();
		assertThat(P256.isPublicKey(key)).isFalse();
		assertThat(P256.isPublicKey(compressed)).isFalse();
		assertThat(P256.isPublicKey(new byte[65])).isFalse();
	}

	private static byte[] decode(String base64Url) {
		return Base64.getUrlDecoder().decode(base64Url);
	}

}
