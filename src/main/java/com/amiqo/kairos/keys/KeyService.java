package com.amiqo.kairos.keys;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.keys.KeyRepository.StoredKey;
import com.amiqo.kairos.keys.KeyRepository.StoredWrapping;
import com.amiqo.kairos.negotiation.NegotiationMembership;
import com.amiqo.kairos.user.AppUser;

/**
 * The key directory and the wrapped plan keys. Key writes are serialised per user (the
 * limit of {@value #MAX_KEYS_PER_USER} holds under concurrency); wrapping writes run
 * under the negotiation's row lock with the recipient keys share-locked, so a key deleted
 * or a participant added meanwhile is seen either before or after, never half.
 */
@Service
class KeyService {

	static final int MAX_KEYS_PER_USER = 10;

	private final KeyRepository keys;

	private final NegotiationMembership membership;

	private final TransactionTemplate transactions;

	private final Clock clock;

	KeyService(KeyRepository keys, NegotiationMembership membership, TransactionTemplate transactions, Clock clock) {
		this.keys = keys;
		this.membership = membership;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** One wrapping to store, already checked for shape. */
	record Wrapping(String recipientKeyId, String wrappedKey, int version) {

		@Override
		public String toString() {
			return "Wrapping[" + recipientKeyId + ", version " + version + "]";
		}

	}

	/**
	 * What a wrapping upload did: the key ids newly wrapped for, and those already were.
	 */
	record Stored(List<String> created, List<String> unchanged) {
	}

	/**
	 * Publishes the key; the same key again only updates its label. Another user's key id
	 * or an eleventh key is {@code 409 CONFLICT}.
	 */
	StoredKey publish(AppUser user, String keyId, PublicJwk key, @Nullable String label) {
		return Objects.requireNonNull(transactions.execute(status -> {
			keys.lockUser(user.id());
			StoredKey existing = keys.find(keyId).orElse(null);
			if (existing == null) {
				if (keys.count(user.id()) >= MAX_KEYS_PER_USER) {
					throw new ApiException(ErrorCode.CONFLICT,
							"This account already has " + MAX_KEYS_PER_USER + " keys: remove one it no longer uses",
							Map.of("field", "key_id", "reason", "too_many_keys", "max_keys", MAX_KEYS_PER_USER));
				}
				if (!keys.insert(user.id(), keyId, key, label, clock.instant())) {
					// Another account published the same key id at the same moment.
					throw new ApiException(ErrorCode.CONFLICT, "This key is registered to another account",
							Map.of("field", "key_id", "reason", "key_of_another_user"));
				}
			}
			else if (!existing.userId().equals(user.id())) {
				throw new ApiException(ErrorCode.CONFLICT, "This key is registered to another account",
						Map.of("field", "key_id", "reason", "key_of_another_user"));
			}
			else {
				keys.relabel(keyId, label);
			}
			return keys.find(keyId).orElseThrow();
		}));
	}

	List<StoredKey> keysOf(AppUser user) {
		return keys.keysOf(user.id());
	}

	/** Removes the caller's key and its wrappings; anyone else's key is left alone. */
	void remove(AppUser user, String keyId) {
		keys.delete(user.id(), keyId);
	}

	/** Every participant's keys, with the refusals of {@code GET /negotiations/{id}}. */
	List<KeyRepository.ParticipantKey> participantKeys(AppUser user, UUID negotiationId) {
		return Objects.requireNonNull(transactions.execute(status -> {
			status.setRollbackOnly();
			return keys.keysOf(negotiationId, membership.participantsSeenBy(user, negotiationId, false));
		}));
	}

	/**
	 * Stores the wrappings all together or none: each must be for a key of a current
	 * participant ({@code 422 UNKNOWN_KEY} listing those that are not) and must not
	 * differ from one already stored ({@code 409 CONFLICT} listing those that do).
	 */
	Stored wrap(AppUser user, UUID negotiationId, List<Wrapping> wrappings) {
		return Objects.requireNonNull(transactions.execute(status -> {
			Set<UUID> participants = membership.participantsSeenBy(user, negotiationId, true);
			List<String> keyIds = wrappings.stream().map(Wrapping::recipientKeyId).toList();
			Map<String, StoredKey> recipients = new HashMap<>();
			keys.lockKeys(keyIds).forEach(key -> recipients.put(key.keyId(), key));
			List<String> unknown = keyIds.stream().filter(keyId -> {
				StoredKey key = recipients.get(keyId);
				return key == null || !participants.contains(key.userId());
			}).toList();
			if (!unknown.isEmpty()) {
				throw new ApiException(ErrorCode.UNKNOWN_KEY, "Some keys are not the keys of this plan's participants",
						Map.of("field", "recipient_key_id", "unknown", unknown));
			}
			Map<String, StoredWrapping> existing = new LinkedHashMap<>();
			keys.wrappings(negotiationId, keyIds).forEach(stored -> existing.put(stored.recipientKeyId(), stored));
			List<String> conflicting = new ArrayList<>();
			List<String> created = new ArrayList<>();
			List<String> unchanged = new ArrayList<>();
			for (Wrapping wrapping : wrappings) {
				StoredWrapping stored = existing.get(wrapping.recipientKeyId());
				if (stored == null) {
					created.add(wrapping.recipientKeyId());
				}
				else if (stored.wrappedKey().equals(wrapping.wrappedKey())
						&& stored.wrappedKeyVersion() == wrapping.version()) {
					unchanged.add(wrapping.recipientKeyId());
				}
				else {
					conflicting.add(wrapping.recipientKeyId());
				}
			}
			if (!conflicting.isEmpty()) {
				throw new ApiException(ErrorCode.CONFLICT,
						"Some keys already have a different wrapping for this plan; a wrapping is never replaced",
						Map.of("field", "wrapped_key", "recipient_key_ids", conflicting));
			}
			Instant now = clock.instant();
			for (Wrapping wrapping : wrappings) {
				if (!existing.containsKey(wrapping.recipientKeyId())) {
					keys.insertWrapping(negotiationId,
							Objects.requireNonNull(recipients.get(wrapping.recipientKeyId())), wrapping.wrappedKey(),
							wrapping.version(), user.id(), now);
				}
			}
			return new Stored(created, unchanged);
		}));
	}

}
