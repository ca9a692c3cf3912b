package com.amiqo.kairos.notification;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default sender: logs what would be pushed, so the service runs with no APNs credentials.
 * Logs ids, the kind and a token prefix only; never the preview text of someone's plans in full
 * detail beyond what the push would show, never the whole token.
 */
class LoggingPushSender implements PushSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingPushSender.class);

    @Override
    public CompletableFuture<PushResult> send(Push push, Device device) {
        log.info("Push (logging sender) {} for negotiation {} to device {} ({})", push.kind().value(),
                push.negotiationId(), Device.shortToken(device.token()), device.environment());
        return CompletableFuture.completedFuture(PushResult.delivered());
    }
}
