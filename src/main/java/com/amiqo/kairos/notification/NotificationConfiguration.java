package com.amiqo.kairos.notification;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.amiqo.kairos.ops.KairosProperties;

/**
 * Picks the phones' sender (APNs when {@code APNS_*} is configured, else logging) and
 * runs the dispatcher, which also pushes to browsers through
 * {@link WebPushConfiguration}'s sender.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ NotificationProperties.class, ApnsProperties.class })
class NotificationConfiguration {

	private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

	/** Closed at shutdown (APNs connections), after the dispatch loop has stopped. */
	@Bean
	PushSender<Device> pushSender(ApnsProperties apns, KairosProperties kairos, MeterRegistry meters) throws Exception {
		if (apns.isConfigured()) {
			log.info("Push notifications go to APNs (topic set, key id set)");
			return new ApnsPushSender(apns, meters);
		}
		if (kairos.isProduction()) {
			log.warn("APNS_* is not configured: push notifications are only logged, no phone receives them");
		}
		return new LoggingPushSender();
	}

	@Bean
	PushTargets<Device> devices(JdbcClient jdbc) {
		return Device.table(jdbc);
	}

	@Bean
	PushTargets<WebPushSubscription> webPushSubscriptions(JdbcClient jdbc) {
		return WebPushSubscription.table(jdbc);
	}

	@Bean
	NotificationDispatcher notificationDispatcher(OutboxRepository outbox, PushTargets<Device> devices,
			PushSender<Device> sender, PushTargets<WebPushSubscription> subscriptions, WebPushSender webPush,
			NotificationProperties properties, NotificationMetrics metrics) {
		return new NotificationDispatcher(outbox, new PushChannel<>(devices, sender),
				webPush.isEnabled() ? new PushChannel<>(subscriptions, webPush) : null, properties, metrics);
	}

	/**
	 * Always defined, started only when {@code KAIROS_NOTIFICATIONS_DISPATCHER} is on:
	 * the image's bean definitions are fixed at build time (Spring AOT), so a setting
	 * read at run time must not decide whether a bean exists.
	 */
	@Bean
	DispatchLoop notificationDispatchLoop(NotificationDispatcher dispatcher, DispatchSignal signal,
			NotificationProperties properties) {
		return new DispatchLoop(dispatcher, signal, properties);
	}

}
