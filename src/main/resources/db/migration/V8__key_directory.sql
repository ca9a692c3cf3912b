-- The public-key directory and the plan keys wrapped for it (docs/encryption.md).
--
-- user_keys: each device's identity public key (ECDH P-256), named by its RFC 7638 thumbprint.
-- The thumbprint is unique across users: a device makes its key pair itself, so a key id that is
-- already someone else's is refused rather than shared. Only the public point is stored.
CREATE TABLE user_keys (
    key_id     text        PRIMARY KEY CONSTRAINT user_keys_key_id CHECK (key_id ~ '^[A-Za-z0-9_-]{43}$'),
    user_id    uuid        NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    x          text        NOT NULL,
    y          text        NOT NULL,
    label      text,
    created_at timestamptz NOT NULL
);

CREATE INDEX user_keys_by_user ON user_keys (user_id, created_at, key_id);

-- negotiation_wrapped_keys: a negotiation's plan key wrapped (encrypted) for one recipient key,
-- opaque to the server. Deleting the recipient key deletes its wrappings; a wrapping is never
-- replaced once written.
CREATE TABLE negotiation_wrapped_keys (
    negotiation_id      uuid        NOT NULL REFERENCES negotiations (id) ON DELETE CASCADE,
    recipient_key_id    text        NOT NULL REFERENCES user_keys (key_id) ON DELETE CASCADE,
    recipient_user_id   uuid        NOT NULL,
    wrapped_key         text        NOT NULL,
    wrapped_key_version integer     NOT NULL CONSTRAINT negotiation_wrapped_keys_version CHECK (wrapped_key_version >= 1),
    wrapped_by          uuid        NOT NULL,
    created_at          timestamptz NOT NULL,
    PRIMARY KEY (negotiation_id, recipient_key_id)
);

CREATE INDEX negotiation_wrapped_keys_by_key ON negotiation_wrapped_keys (recipient_key_id);
