package com.amiqo.kairos.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import com.amiqo.kairos.ops.KairosProperties;

/**
 * Web Push: the VAPID key pair (configured; locally generated and kept in a file beside
 * the embedded database's data when not, or only in memory for a throwaway database; off
 * in production when not configured, with a warning), the allowlist and the sender. The
 * beans always exist (the image's bean definitions are fixed at build time); whether Web
 * Push is on is a value they carry.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebPushProperties.class)
class WebPushConfiguration {

	private static final Logger log = LoggerFactory.getLogger(WebPushConfiguration.class);

	/** The subject of a local run's tokens when none is configured. */
	static final String LOCAL_SUBJECT = "mailto:web-push@example.com";

	@Bean
	WebPushSetup webPushSetup(WebPushProperties properties, KairosProperties kairos) throws IOException {
		PushServiceAllowlist allowlist = new PushServiceAllowlist(properties.allowedHosts());
		String configuredSubject = properties.vapidSubject();
		String subject = configuredSubject != null && StringUtils.hasText(configuredSubject) ? configuredSubject.strip()
				: LOCAL_SUBJECT;
		if (properties.hasConfiguredKeys()) {
			return new WebPushSetup(VapidKeys.of(String.valueOf(properties.vapidPublicKey()),
					String.valueOf(properties.vapidPrivateKey())), subject, allowlist);
		}
		if (kairos.isProduction()) {
			log.warn("WEB_PUSH_VAPID_* is not configured: Web Push is off, no browser receives notifications");
			return new WebPushSetup(null, subject, allowlist);
		}
		if (kairos.databaseMode() == KairosProperties.DatabaseMode.EMBEDDED
				&& kairos.database().embedded().ephemeral()) {
			// A throwaway database gets a throwaway key pair: nothing of it is kept.
			return new WebPushSetup(VapidKeys.generate(), subject, allowlist);
		}
		return new WebPushSetup(VapidKeys.local(properties.localKeyFile()), subject, allowlist);
	}

	@Bean
	WebPushSender webPushSender(WebPushSetup setup, WebPushProperties properties, Clock clock, MeterRegistry meters)
			throws IOException, GeneralSecurityException {
		String trusted = properties.trustedCertificate();
		return new WebPushSender(setup, properties, StringUtils.hasText(trusted) ? trusting(Path.of(trusted)) : null,
				clock, meters);
	}

	/**
	 * TLS that trusts the certificates in the PEM file and nothing else (tests' stub).
	 */
	private static SSLContext trusting(Path pem) throws IOException, GeneralSecurityException {
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		try (InputStream in = Files.newInputStream(pem)) {
			int i = 0;
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				store.setCertificateEntry("trusted-" + i++, certificate);
			}
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

}
