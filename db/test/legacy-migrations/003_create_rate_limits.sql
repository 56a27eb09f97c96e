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
