-- Web Push subscriptions of the web client's browsers. An endpoint is one browser profile's push
-- channel and belongs to one user at a time: subscribing it again moves it (like a device token).
-- The keys are kept as the browser gave them (base64url): p256dh is the browser's P-256 public key,
-- auth its 16-byte authentication secret; the payload is encrypted to them (aes128gcm).
CREATE TABLE web_push_subscriptions (
    endpoint    text        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    p256dh      text        NOT NULL,
    auth        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT web_push_subscriptions_https CHECK (endpoint LIKE 'https://%' AND length(endpoint) <= 2048)
);

CREATE INDEX web_push_subscriptions_by_user ON web_push_subscriptions (user_id, updated_at DESC);
