package com.amiqo.kairos.negotiation;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.negotiation.domain.Lists;
import com.amiqo.kairos.negotiation.sql.StoredNegotiation;
import com.amiqo.kairos.negotiation.sql.WrappedKey;

/**
 * The plan key wrapped for one of the viewer's own keys ({@code my_wrapped_keys}); a
 * viewer never sees wrappings addressed to anyone else's keys.
 */
public record WrappedKeyView(String recipientKeyId, String wrappedKey, int wrappedKeyVersion,
		@Nullable String wrappedBy) {

	static List<WrappedKeyView> mine(StoredNegotiation record, UUID viewerId) {
		List<WrappedKeyView> mine = new java.util.ArrayList<>();
		for (WrappedKey wrapped : record.wrappedKeys()) {
			if (wrapped.recipientUserId().equals(viewerId)) {
				StoredNegotiation.UserRef by = record.users().get(wrapped.wrappedBy());
				mine.add(new WrappedKeyView(wrapped.recipientKeyId(), wrapped.wrappedKey(), wrapped.wrappedKeyVersion(),
						by == null ? null : by.uid()));
			}
		}
		return Lists.map(mine, view -> view);
	}

	@Override
	public String toString() {
		return "WrappedKeyView[" + recipientKeyId + ", version " + wrappedKeyVersion + "]";
	}

}
