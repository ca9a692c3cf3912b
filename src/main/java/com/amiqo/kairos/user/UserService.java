package com.amiqo.kairos.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/** Users: provisioning on first sign-in and profile updates. */
@Service
public class UserService {

	static final int MAX_DISPLAY_NAME_LENGTH = 80;

	/** Bounded by count: the users active on this instance within the TTL. */
	private static final int KNOWN_USERS_MAXIMUM = 10_000;

	private final UserRepository users;

	/**
	 * Every authenticated request needs its user; reading it each time was one of a
	 * read's two statements. Users are never deleted, so only profile fields can be
	 * stale, for at most the TTL.
	 */
	private final Cache<String, AppUser> known;

	UserService(UserRepository users, UserProperties properties) {
		this.users = users;
		this.known = Caffeine.newBuilder()
			.maximumSize(KNOWN_USERS_MAXIMUM)
			.expireAfterWrite(properties.profileCacheTtl())
			.build();
	}

	/**
	 * The user behind a verified token, created on first sight. A user seen on this
	 * instance within the profile cache's TTL costs nothing, otherwise one indexed read
	 * and no write; the token's name and the request's language are used only at
	 * creation, so later sign-ins never overwrite what the user has edited.
	 */
	public AppUser provision(String firebaseUid, @Nullable String tokenName, @Nullable String acceptLanguage) {
		AppUser cached = known.getIfPresent(firebaseUid);
		if (cached != null) {
			return cached;
		}
		AppUser user = users.findByFirebaseUid(firebaseUid).orElseGet(() -> {
			users.insertIfAbsent(firebaseUid, displayNameFromToken(tokenName),
					LanguageTags.firstOf(acceptLanguage).orElse(null));
			return users.findByFirebaseUid(firebaseUid).orElseThrow();
		});
		known.put(firebaseUid, user);
		return user;
	}

	/**
	 * The profile as stored now, for {@code GET /me}: a user reading their own profile
	 * sees every change.
	 */
	AppUser current(AppUser user) {
		AppUser fresh = users.findByFirebaseUid(user.firebaseUid()).orElse(user);
		known.put(fresh.firebaseUid(), fresh);
		return fresh;
	}

	AppUser updateProfile(AppUser user, UpdateProfileRequest request) {
		ProfileChanges changes = new ProfileChanges(request.displayName(),
				request.locale() == null ? null : LanguageTags.canonical(request.locale()).orElseThrow(),
				request.agentModeDefault());
		if (changes.isEmpty()) {
			return current(user);
		}
		AppUser updated = users.update(user.id(), changes);
		known.put(updated.firebaseUid(), updated);
		return updated;
	}

	/**
	 * Firebase names are free text of any length; keep a trimmed prefix that fits the
	 * profile rules.
	 */
	private static @Nullable String displayNameFromToken(@Nullable String name) {
		if (name == null) {
			return null;
		}
		String trimmed = name.replaceAll("\\p{Cntrl}", "").strip();
		if (trimmed.isEmpty()) {
			return null;
		}
		if (trimmed.codePointCount(0, trimmed.length()) <= MAX_DISPLAY_NAME_LENGTH) {
			return trimmed;
		}
		return trimmed.substring(0, trimmed.offsetByCodePoints(0, MAX_DISPLAY_NAME_LENGTH)).strip();
	}

}
