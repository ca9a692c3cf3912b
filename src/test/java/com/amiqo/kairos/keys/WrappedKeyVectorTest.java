package com.amiqo.kairos.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wrapped-key construction of docs/encryption.md, checked with the JDK alone against
 * the vectors printed in that page (read from it, so the page cannot drift), and the
 * primitives against their published vectors.
 */
class WrappedKeyVectorTest {

	private static final HexFormat HEX = HexFormat.of();

	/** The JSON block under "### Test vectors" in docs/encryption.md. */
	static JsonNode documentedVector() throws IOException {
		String page = Files.readString(Path.of("docs", "encryption.md"), StandardCharsets.UTF_8);
		int section = page.indexOf("### Test vectors");
		int start = page.indexOf("```json\n", section) + "```json\n".length();
		int end = page.indexOf("```", start);
		return JsonMapper.builder().build().readTree(page.substring(start, end));
	}

	@Test
	void wrapWhenGivenTheDocumentedInputsMakesTheDocumentedBytes() throws Exception {
		JsonNode vector = documentedVector();
		String negotiationId = vector.path("negotiation_id").asString();
		ECPublicKey recipient = publicKey(vector.path("recipient"));
		ECPublicKey ephemeral = publicKey(vector.path("ephemeral"));
		PrivateKey ephemeralPrivate = privateKey(vector.path("ephemeral"));

		assertThat(PlanKeyWrap.thumbprint(recipient)).isEqualTo(vector.path("recipient").path("key_id").asString());
		assertThat(PlanKeyWrap.thumbprint(ephemeral)).isEqualTo(vector.path("ephemeral").path("key_id").asString());
		KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
		ecdh.init(ephemeralPrivate);
		ecdh.doPhase(recipient, true);
		assertThat(HEX.formatHex(ecdh.generateSecret())).isEqualTo(vector.path("shared_secret_hex").asString());
		assertThat(HEX.formatHex(PlanKeyWrap.derive(ephemeralPrivate, recipient, negotiationId,
				PlanKeyWrap.thumbprint(ephemeral), PlanKeyWrap.thumbprint(recipient))))
			.isEqualTo(vector.path("wrapping_key_hex").asString());

		byte[] wrapped = PlanKeyWrap.wrap(PlanKeyWrap.fromB64url(vector.path("plan_key").asString()), negotiationId,
				ephemeralPrivate, ephemeral, recipient, PlanKeyWrap.fromB64url(vector.path("nonce").asString()));

		assertThat(Base64.getEncoder().encodeToString(wrapped)).isEqualTo(vector.path("wrapped_key").asString());
		assertThat(wrapped).hasSize(126);
		assertThat(wrapped[0]).isEqualTo((byte) 1);
		assertThat(wrapped[1]).isEqualTo((byte) 4);
	}

	@Test
	void unwrapWhenGivenTheDocumentedBytesGivesThePlanKeyOnlyToTheRecipientOfThatPlan() throws Exception {
		JsonNode vector = documentedVector();
		String negotiationId = vector.path("negotiation_id").asString();
		ECPublicKey recipient = publicKey(vector.path("recipient"));
		PrivateKey recipientPrivate = privateKey(vector.path("recipient"));
		byte[] wrapped = Base64.getDecoder().decode(vector.path("wrapped_key").asString());

		assertThat(PlanKeyWrap.b64url(PlanKeyWrap.unwrap(wrapped, negotiationId, recipientPrivate, recipient)))
			.isEqualTo(vector.path("plan_key").asString());
		assertThatThrownBy(
				() -> PlanKeyWrap.unwrap(wrapped, "00000000-0000-0000-0000-000000000000", recipientPrivate, recipient))
			.as("another plan's id")
			.isInstanceOf(javax.crypto.AEADBadTagException.class);
		byte[] tampered = wrapped.clone();
		tampered[70] ^= 1;
		assertThatThrownBy(() -> PlanKeyWrap.unwrap(tampered, negotiationId, recipientPrivate, recipient))
			.isInstanceOf(javax.crypto.AEADBadTagException.class);
	}

	@Test
	void ecdhWhenGivenRfc5903VectorAgreesOnThePublishedSecret() throws Exception {
		// RFC 5903, section 8.1 (256-bit random ECP group).
		PrivateKey initiator = PlanKeyWrap
			.privateKey(HEX.parseHex("c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433"));
		ECPublicKey responder = PlanKeyWrap.publicKey(
				HEX.parseHex("d12dfb5289c8d4f81208b70270398c342296970a0bccb74c736fc7554494bf63"),
				HEX.parseHex("56fbf3ca366cc23e8157854c13c58d6aac23f046ada30f8353e74f33039872ab"));
		KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
		ecdh.init(initiator);
		ecdh.doPhase(responder, true);

		assertThat(HEX.formatHex(ecdh.generateSecret()))
			.isEqualTo("d6840f6b42f6edafd13116e0e12565202fef8e9ece7dce03812464d04b9442de");
	}

	@Test
	void hkdfWhenGivenRfc5869TestCaseOneMakesThePublishedOutput() throws Exception {
		byte[] okm = PlanKeyWrap.hkdf(HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
				HEX.parseHex("000102030405060708090a0b0c"), HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);

		assertThat(HEX.formatHex(okm))
			.isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
	}

	@Test
	void aesGcmWhenGivenGcmSpecTestCaseSixteenMakesThePublishedCiphertextAndTag() throws Exception {
		Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
		aes.init(Cipher.ENCRYPT_MODE,
				new SecretKeySpec(HEX.parseHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"),
						"AES"),
				new GCMParameterSpec(128, HEX.parseHex("cafebabefacedbaddecaf888")));
		aes.updateAAD(HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2"));
		byte[] sealed = aes.doFinal(HEX.parseHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
				+ "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"));

		assertThat(HEX.formatHex(sealed)).isEqualTo("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
				+ "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662" + "76fc6ece0f4e1768cddf8853bb2d551b");
	}

	private static ECPublicKey publicKey(JsonNode jwk) throws Exception {
		return PlanKeyWrap.publicKey(PlanKeyWrap.fromB64url(jwk.path("x").asString()),
				PlanKeyWrap.fromB64url(jwk.path("y").asString()));
	}

	private static PrivateKey privateKey(JsonNode jwk) throws Exception {
		return PlanKeyWrap.privateKey(PlanKeyWrap.fromB64url(jwk.path("d").asString()));
	}

}
