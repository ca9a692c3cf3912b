package com.amiqo.kairos.keys;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.amiqo.kairos.api.EncryptedBlob;
import com.amiqo.kairos.api.Envelope;
import com.amiqo.kairos.api.error.ApiErrors;
import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.keys.KeyRepository.StoredKey;
import com.amiqo.kairos.user.AppUser;

/**
 * The public-key directory ({@code /me/keys}) and what participants exchange through it
 * ({@code /negotiations/{id}/keys}, {@code /negotiations/{id}/wrapped-keys}). Keys and
 * wrappings are never logged: the records that carry them print neither.
 */
@Tag(name = "keys")
@RestController
class KeyController {

	/** Fifty participants with ten keys each: one upload can cover a whole plan. */
	static final int MAX_WRAPPINGS_PER_REQUEST = 500;

	/** Decoded bytes of one wrapping; the documented construction makes 126. */
	static final int MAX_WRAPPED_KEY_BYTES = 1024;

	private final KeyService service;

	KeyController(KeyService service) {
		this.service = service;
	}

	@Schema(name = "PublishKeyRequest")
	record PublishRequest(@NotNull PublicJwk.Input publicKey, @Size(max = 100) @Nullable String label) {

		@Override
		public String toString() {
			return "PublishRequest[label=" + label + "]";
		}

	}

	@Schema(name = "PublishedKey")
	record KeyView(String keyId, PublicJwk publicKey, @Nullable String label, Instant createdAt) {

		static KeyView of(StoredKey key) {
			return new KeyView(key.keyId(), key.publicKey(), key.label(), key.createdAt());
		}

	}

	@Schema(name = "ParticipantKey")
	record ParticipantKeyView(String userId, String keyId, PublicJwk publicKey, @Nullable String label,
			Instant createdAt, boolean wrapped) {

		static ParticipantKeyView of(KeyRepository.ParticipantKey participantKey) {
			StoredKey key = participantKey.key();
			return new ParticipantKeyView(key.uid(), key.keyId(), key.publicKey(), key.label(), key.createdAt(),
					participantKey.wrapped());
		}

	}

	@Schema(name = "WrappedKeyInput")
	record WrappingInput(@Nullable String recipientKeyId, @Nullable String wrappedKey,
			@Nullable Integer wrappedKeyVersion) {

		@Override
		public String toString() {
			return "WrappingInput[" + recipientKeyId + "]";
		}

	}

	@Schema(name = "WrappedKeysResult")
	record WrapResult(List<String> created, List<String> unchanged) {
	}

	@Operation(operationId = "publishKey",
			summary = "Publish one of the caller's device public keys (idempotent; the same key again updates its label)")
	@ApiErrors(ErrorCode.CONFLICT)
	@PutMapping("/me/keys/{key_id}")
	Envelope<KeyView> publish(AppUser user, @PathVariable("key_id") String keyId,
			@Valid @RequestBody PublishRequest request) {
		checkKeyId(keyId, "key_id");
		PublicJwk key = PublicJwk.of(request.publicKey(), "public_key");
		if (!key.thumbprint().equals(keyId)) {
			throw ApiException.invalidField("key_id", "must be the RFC 7638 thumbprint of public_key");
		}
		return Envelope.of(KeyView.of(service.publish(user, keyId, key, request.label())));
	}

	@Operation(operationId = "listKeys", summary = "The caller's published public keys, oldest first")
	@GetMapping("/me/keys")
	Envelope<List<KeyView>> list(AppUser user) {
		return Envelope.of(service.keysOf(user).stream().map(KeyView::of).toList());
	}

	/**
	 * Idempotent: a key that is not (or no longer) the caller's is a 204 that changes
	 * nothing.
	 */
	@Operation(operationId = "removeKey", summary = "Remove one of the caller's public keys and its wrapped plan keys",
			responses = @ApiResponse(responseCode = "204", description = "Removed"))
	@DeleteMapping("/me/keys/{key_id}")
	ResponseEntity<Void> remove(AppUser user, @PathVariable("key_id") String keyId) {
		checkKeyId(keyId, "key_id");
		service.remove(user, keyId);
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "listNegotiationKeys", summary = "Every participant's public keys, for participants")
	@ApiErrors({ ErrorCode.NOT_FOUND, ErrorCode.USER_NOT_PARTICIPANT })
	@GetMapping("/negotiations/{id}/keys")
	Envelope<List<ParticipantKeyView>> participantKeys(AppUser user, @PathVariable UUID id) {
		return Envelope.of(service.participantKeys(user, id).stream().map(ParticipantKeyView::of).toList());
	}

	@Operation(operationId = "putWrappedKeys",
			summary = "Store the plan key wrapped for participants' keys (all or nothing; an existing wrapping is never replaced)")
	@ApiErrors({ ErrorCode.NOT_FOUND, ErrorCode.USER_NOT_PARTICIPANT, ErrorCode.UNKNOWN_KEY, ErrorCode.CONFLICT })
	@PutMapping("/negotiations/{id}/wrapped-keys")
	Envelope<WrapResult> wrap(AppUser user, @PathVariable UUID id, @RequestBody List<@Nullable WrappingInput> body) {
		KeyService.Stored stored = service.wrap(user, id, wrappings(body));
		return Envelope.of(new WrapResult(stored.created(), stored.unchanged()));
	}

	/**
	 * The items, or a {@code 400 VALIDATION_ERROR} naming every bad one as
	 * {@code [i].field}.
	 */
	private static List<KeyService.Wrapping> wrappings(List<@Nullable WrappingInput> body) {
		if (body.isEmpty() || body.size() > MAX_WRAPPINGS_PER_REQUEST) {
			throw ApiException.invalidFields(
					Map.of("body", "must hold 1 to " + MAX_WRAPPINGS_PER_REQUEST + " wrapped keys"),
					Map.of("max_items", MAX_WRAPPINGS_PER_REQUEST));
		}
		Map<String, String> problems = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		List<KeyService.Wrapping> wrappings = new java.util.ArrayList<>();
		for (int i = 0; i < body.size(); i++) {
			WrappingInput item = body.get(i);
			String at = "[" + i + "]";
			if (item == null) {
				problems.put(at, "must be an object");
				continue;
			}
			String keyId = item.recipientKeyId();
			String wrapped = item.wrappedKey();
			Integer version = item.wrappedKeyVersion();
			if (keyId == null || !PublicJwk.KEY_ID.matcher(keyId).matches()) {
				problems.put(at + ".recipient_key_id", "must be a key id: 43 base64url characters");
			}
			else if (!seen.add(keyId)) {
				problems.put(at + ".recipient_key_id", "names a key already named earlier in this request");
			}
			if (wrapped == null || !EncryptedBlob.isPaddedBase64(wrapped)
					|| EncryptedBlob.decodedLength(wrapped) == 0) {
				problems.put(at + ".wrapped_key", "must be standard base64 with padding");
			}
			else if (EncryptedBlob.decodedLength(wrapped) > MAX_WRAPPED_KEY_BYTES) {
				problems.put(at + ".wrapped_key", "must be at most 1 KiB decoded");
			}
			if (version == null || version < 1) {
				problems.put(at + ".wrapped_key_version", "must be an integer >= 1");
			}
			if (keyId != null && wrapped != null && version != null) {
				wrappings.add(new KeyService.Wrapping(keyId, wrapped, version));
			}
		}
		if (!problems.isEmpty()) {
			boolean oversize = problems.values().stream().anyMatch(problem -> problem.contains("1 KiB"));
			throw ApiException.invalidFields(problems,
					oversize ? Map.of("max_bytes", MAX_WRAPPED_KEY_BYTES) : Map.of());
		}
		return wrappings;
	}

	private static void checkKeyId(String keyId, String field) {
		if (!PublicJwk.KEY_ID.matcher(keyId).matches()) {
			throw ApiException.invalidField(field,
					"must be a key id: the key's RFC 7638 thumbprint, 43 base64url characters");
		}
	}

}
