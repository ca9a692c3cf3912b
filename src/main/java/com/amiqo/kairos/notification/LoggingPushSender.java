package com.amiqo.kairos.notification;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default sender: logs each push instead of sending it, so the service runs with no
 * APNs credentials. The line names the kind, the negotiation id and the first characters
 * of the token; never the whole token or the preview text.
 */
class LoggingPushSender implements PushSender<Device> {

	private static final Logger log = LoggerFactory.getLogger(LoggingPushSender.class);

	@Override
	public CompletableFuture<PushResult> send(Push push, Device device) {
		log.info("Push (logging sender) {} for negotiation {} to device {} ({})", push.kind().value(),
				push.negotiationId(), Device.shortToken(device.token()), device.environment());
		return CompletableFuture.completedFuture(PushResult.delivered());
	}

}
