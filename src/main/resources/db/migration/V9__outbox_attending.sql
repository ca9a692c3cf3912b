-- Whether the recipient of a `confirmed` notification attends the confirmed plan (null for every
-- other kind), so each recipient's push can say so.
ALTER TABLE notification_outbox ADD COLUMN attending boolean;
