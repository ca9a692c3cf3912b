-- Users are provisioned on their first authenticated request (SPEC §3). The Firebase UID is the
-- external identity; the uuid is what other tables reference.
CREATE TABLE app_users (
    id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    firebase_uid       text        NOT NULL,
    display_name       text,
    locale             text,
    feature_flags      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    agent_mode_default boolean     NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_users_firebase_uid_key UNIQUE (firebase_uid),
    CONSTRAINT app_users_firebase_uid_length CHECK (char_length(firebase_uid) BETWEEN 1 AND 128),
    CONSTRAINT app_users_display_name_length CHECK (display_name IS NULL OR char_length(display_name) BETWEEN 1 AND 80),
    CONSTRAINT app_users_locale_length CHECK (locale IS NULL OR char_length(locale) BETWEEN 1 AND 35),
    CONSTRAINT app_users_feature_flags_object CHECK (jsonb_typeof(feature_flags) = 'object'),
    CONSTRAINT app_users_updated_after_created CHECK (updated_at >= created_at)
);
