package com.amiqo.kairos.negotiation.sql;

import java.util.UUID;

/**
 * A negotiation's plan key wrapped for one recipient key, loaded with the negotiation;
 * opaque to the server (docs/encryption.md).
 */
public record WrappedKey(UUID recipientUserId, String recipientKeyId, String wrappedKey, int wrappedKeyVersion,
		UUID wrappedBy) {

	@Override
	public String toString() {
		// Never let the content reach a log line through toString().
		return "WrappedKey[" + recipientKeyId + ", version " + wrappedKeyVersion + "]";
	}

}
