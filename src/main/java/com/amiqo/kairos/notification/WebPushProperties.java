package com.amiqo.kairos.notification;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Web Push settings ({@code WEB_PUSH_*}). In production the VAPID key pair and subject
 * come from here (the same on every instance); unset, Web Push is off there (with a
 * warning). A local run without them generates a key pair into {@code localKeyFile}.
 *
 * @param vapidPublicKey {@code WEB_PUSH_VAPID_PUBLIC_KEY}: base64url uncompressed P-256
 * public key (the application server key browsers subscribe with)
 * @param vapidPrivateKey {@code WEB_PUSH_VAPID_PRIVATE_KEY}: its base64url 32-byte
 * private key; a secret, never logged
 * @param vapidSubject {@code WEB_PUSH_VAPID_SUBJECT}: the operator's contact push
 * services may use, a {@code mailto:} or {@code https:} URL
 * @param allowedHosts {@code WEB_PUSH_ALLOWED_HOSTS}: the push services the server may
 * post to (see {@link PushServiceAllowlist}); the browser vendors' by default
 * @param localKeyFile where a local run keeps its generated key pair
 * ({@code WEB_PUSH_LOCAL_KEY_FILE})
 * @param connectTimeout how long connecting to a push service may take
 * @param requestTimeout how long a push service may take to answer one push
 * @param maxConcurrentPushes pushes in flight at once, over all push services
 * @param trustedCertificate a PEM certificate to trust instead of the JDK's CAs: for the
 * tests' local push-service stub only, refused in production
 */
@Validated
@ConfigurationProperties("kairos.web-push")
record WebPushProperties(@Nullable String vapidPublicKey, @Nullable String vapidPrivateKey,
		@Nullable String vapidSubject, @NotNull List<String> allowedHosts, @NotNull Path localKeyFile,
		@NotNull Duration connectTimeout, @NotNull Duration requestTimeout, @Min(1) @Max(1000) int maxConcurrentPushes,
		@Nullable String trustedCertificate) {

	WebPushProperties {
		allowedHosts = allowedHosts == null || allowedHosts.stream().noneMatch(StringUtils::hasText)
				? PushServiceAllowlist.BROWSER_VENDORS : List.copyOf(allowedHosts);
		java.util.List<String> problems = new java.util.ArrayList<>();
		if (StringUtils.hasText(vapidPublicKey) != StringUtils.hasText(vapidPrivateKey)) {
			problems.add("WEB_PUSH_VAPID_PUBLIC_KEY and WEB_PUSH_VAPID_PRIVATE_KEY must be set together");
		}
		else if (vapidPublicKey != null && vapidPrivateKey != null && StringUtils.hasText(vapidPublicKey)) {
			try {
				VapidKeys.of(vapidPublicKey, vapidPrivateKey);
			}
			catch (IllegalArgumentException e) {
				problems.add(e.getMessage());
			}
			if (!StringUtils.hasText(vapidSubject)) {
				problems.add("WEB_PUSH_VAPID_SUBJECT (a mailto: or https: contact) is required with the VAPID keys");
			}
		}
		if (StringUtils.hasText(vapidSubject) && !vapidSubject.strip().matches("(mailto:|https://)\\S+")) {
			problems.add("WEB_PUSH_VAPID_SUBJECT must be a mailto: or https: URL");
		}
		String hosts = PushServiceAllowlist.problem(allowedHosts);
		if (hosts != null) {
			problems.add(hosts);
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("Invalid Web Push settings: " + String.join("; ", problems));
		}
	}

	boolean hasConfiguredKeys() {
		return StringUtils.hasText(vapidPublicKey) || StringUtils.hasText(vapidPrivateKey);
	}

	@Override
	public String toString() {
		return "WebPushProperties[keys " + (hasConfiguredKeys() ? "configured" : "unset") + ", allowed hosts "
				+ allowedHosts + "]";
	}

}
