package com.amiqo.kairos.notification;

/**
 * One way pushes reach users: where targets of one kind are stored and the sender that
 * pushes to them (phones through APNs or the logging sender, browsers through Web Push).
 */
record PushChannel<T extends PushTarget>(PushTargets<T> targets, PushSender<T> sender) {
}
