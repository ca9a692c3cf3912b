package com.amiqo.kairos.notification;

import java.util.UUID;

/**
 * Where a user's pushes go: a phone's APNs token or a browser's Web Push subscription.
 */
sealed interface PushTarget permits Device, WebPushSubscription {

	UUID userId();

}
