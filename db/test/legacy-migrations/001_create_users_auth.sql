-- Accounts: the users table plus the Auth.js (next-auth v5 / @auth/drizzle-adapter) tables.
-- Column names are snake_case; db/schema/auth.ts maps them to the property names the adapter expects.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text CHECK (char_length(name) <= 200),
  email text UNIQUE CHECK (char_length(email) <= 320),
  email_verified timestamptz,
  image text CHECK (char_length(image) <= 2048),
  password_hash text CHECK (char_length(password_hash) <= 512),
  -- Bumped on password change or sign-out-everywhere; sessions carrying an older value are refused.
  session_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE accounts (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  type text NOT NULL,
  provider text NOT NULL,
  provider_account_id text NOT NULL,
  refresh_token text,
  access_token text,
  expires_at integer,
  token_type text,
  scope text,
  id_token text,
  session_state text,
  PRIMARY KEY (provider, provider_account_id)
);
CREATE INDEX accounts_user_id_idx ON accounts (user_id);

CREATE TABLE sessions (
  session_token text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires timestamptz NOT NULL
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);

CREATE TABLE verification_tokens (
  identifier text NOT NULL,
  token text NOT NULL,
  expires timestamptz NOT NULL,
  PRIMARY KEY (identifier, token)
);
