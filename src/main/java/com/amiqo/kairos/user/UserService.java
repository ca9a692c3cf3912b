package com.amiqo.kairos.user;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/** Users: provisioning on first sign-in and profile updates. */
@Service
public class UserService {

    static final int MAX_DISPLAY_NAME_LENGTH = 80;

    private final UserRepository users;

    UserService(UserRepository users) {
        this.users = users;
    }

    /**
     * The user behind a verified token, created on first sight. A known user costs one indexed
     * read and no write; the token's name and the request's language are used only at creation,
     * so later sign-ins never overwrite what the user has edited.
     */
    public AppUser provision(String firebaseUid, @Nullable String tokenName, @Nullable String acceptLanguage) {
        return users.findByFirebaseUid(firebaseUid).orElseGet(() -> {
            users.insertIfAbsent(firebaseUid, displayNameFromToken(tokenName),
                    LanguageTags.firstOf(acceptLanguage).orElse(null));
            return users.findByFirebaseUid(firebaseUid).orElseThrow();
        });
    }

    AppUser updateProfile(AppUser user, UpdateProfileRequest request) {
        ProfileChanges changes = new ProfileChanges(
                request.displayName(),
                request.locale() == null ? null : LanguageTags.canonical(request.locale()).orElseThrow(),
                request.agentModeDefault());
        return changes.isEmpty() ? user : users.update(user.id(), changes);
    }

    /** Firebase names are free text of any length; keep a trimmed prefix that fits the profile rules. */
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
