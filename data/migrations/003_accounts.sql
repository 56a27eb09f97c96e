-- Accounts (issue 3): the rate-limit store and the index behind a profile's "most liked" tab.

-- rate-limiter-flexible's PostgreSQL store (lib/rate-limit.ts). The table is created here, not by the
-- library at runtime (tableCreated: true), so the app never needs DDL rights. `key` is
-- "<bucket>:<key>", `expire` a Unix time in milliseconds.
CREATE TABLE rate_limits (
  key text PRIMARY KEY CHECK (char_length(key) <= 255),
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
-- The library deletes expired rows every five minutes by `expire < $1`.
CREATE INDEX rate_limits_expire_idx ON rate_limits (expire);

-- A profile's "most liked" tab: keyset pages over (likes_count, id) within one owner's artifacts,
-- like artifacts_owner_idx does for "newest".
CREATE INDEX artifacts_owner_likes_idx ON artifacts (owner_user_id, visibility, likes_count DESC, id DESC);
