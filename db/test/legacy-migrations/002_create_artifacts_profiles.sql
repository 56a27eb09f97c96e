-- The canonical schema of ../shared/seed/ARTIFACTS_SCHEMA.md: profiles, artifacts, artifact_versions,
-- artifact_media. Every column of the seed document exists here with its type; everything the seed
-- does not make essential is nullable or defaulted. Sizes are capped here as the last of three layers
-- (request limit, zod schema, CHECK).

CREATE TABLE profiles (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  handle text NOT NULL CHECK (handle ~ '^[a-z0-9_-]{3,30}$'),
  display_name text CHECK (char_length(display_name) <= 80),
  bio text CHECK (char_length(bio) <= 2000),
  avatar_url text CHECK (char_length(avatar_url) <= 2048),
  age integer CHECK (age BETWEEN 1 AND 150),
  gender text CHECK (char_length(gender) <= 40),
  city text CHECK (char_length(city) <= 100),
  country text CHECK (char_length(country) <= 100),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Handles are stored lower-case; the index on lower() makes uniqueness case-insensitive regardless.
CREATE UNIQUE INDEX profiles_handle_lower_idx ON profiles (lower(handle));

CREATE TABLE artifacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 120),
  description text CHECK (char_length(description) <= 5000),
  visibility text NOT NULL DEFAULT 'private' CHECK (visibility IN ('public', 'private')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  forked_from_id uuid REFERENCES artifacts (id) ON DELETE SET NULL,
  forked_from_owner_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  forked_from_version_id uuid, -- FK added below, once artifact_versions exists
  forked_from_version_label text CHECK (char_length(forked_from_version_label) <= 40),
  origin_artifact_id uuid REFERENCES artifacts (id) ON DELETE SET NULL,
  origin_owner_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  forks_count integer NOT NULL DEFAULT 0 CHECK (forks_count >= 0),
  imports_count integer NOT NULL DEFAULT 0 CHECK (imports_count >= 0),
  likes_count integer NOT NULL DEFAULT 0 CHECK (likes_count >= 0),
  comments_count integer NOT NULL DEFAULT 0 CHECK (comments_count >= 0),
  current_version_id uuid, -- FK added below
  versioning_enabled boolean NOT NULL DEFAULT true,
  chat_history_public boolean NOT NULL DEFAULT false,
  source_session jsonb
);

CREATE TABLE artifact_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  artifact_id uuid NOT NULL REFERENCES artifacts (id) ON DELETE CASCADE,
  version_index integer NOT NULL CHECK (version_index >= 1),
  code_blob_ref text NOT NULL CHECK (char_length(code_blob_ref) <= 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  summary text CHECK (char_length(summary) <= 500),
  label text CHECK (char_length(label) <= 40),
  session_id text CHECK (char_length(session_id) <= 200),
  code_language text NOT NULL CHECK (char_length(code_language) BETWEEN 1 AND 40),
  code_content text NOT NULL CHECK (octet_length(code_content) <= 1048576),
  code_versions jsonb,
  chat jsonb CHECK (chat IS NULL OR octet_length(chat::text) <= 2200000),
  stats jsonb NOT NULL DEFAULT '{}'::jsonb,
  version_metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  code_references jsonb NOT NULL DEFAULT '[]'::jsonb,
  parent_version_id uuid REFERENCES artifact_versions (id) ON DELETE SET NULL
);
-- Gapless, unique version numbers per artifact; also the index the history page walks.
CREATE UNIQUE INDEX artifact_versions_artifact_index_idx ON artifact_versions (artifact_id, version_index);
CREATE INDEX artifact_versions_parent_idx ON artifact_versions (parent_version_id);

ALTER TABLE artifacts
  ADD CONSTRAINT artifacts_forked_from_version_id_fkey
    FOREIGN KEY (forked_from_version_id) REFERENCES artifact_versions (id) ON DELETE SET NULL,
  ADD CONSTRAINT artifacts_current_version_id_fkey
    FOREIGN KEY (current_version_id) REFERENCES artifact_versions (id) ON DELETE SET NULL;

CREATE TABLE artifact_media (
  artifact_id uuid PRIMARY KEY REFERENCES artifacts (id) ON DELETE CASCADE,
  screenshot_url text CHECK (char_length(screenshot_url) <= 2048),
  thumb_url text CHECK (char_length(thumb_url) <= 2048),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Lists the UI sorts (PERFORMANCE.md). Keyset pagination compares (sort key, id) as a row, so each
-- index ends in id with the same direction as its sort key.
CREATE INDEX artifacts_recent_idx ON artifacts (visibility, created_at DESC, id DESC);
CREATE INDEX artifacts_top_idx ON artifacts (visibility, likes_count DESC, id DESC);
CREATE INDEX artifacts_most_forked_idx ON artifacts (visibility, forks_count DESC, id DESC);
CREATE INDEX artifacts_owner_idx ON artifacts (owner_user_id, visibility, created_at DESC, id DESC)
  INCLUDE (likes_count, forks_count);
-- Lineage: direct forks page + recursive CTE, and the whole tree by origin.
CREATE INDEX artifacts_forked_from_idx ON artifacts (forked_from_id, created_at DESC, id DESC);
CREATE INDEX artifacts_origin_idx ON artifacts (origin_artifact_id);
-- Foreign keys Postgres does not index by itself; ON DELETE SET NULL would otherwise scan the table.
CREATE INDEX artifacts_forked_from_owner_idx ON artifacts (forked_from_owner_user_id);
CREATE INDEX artifacts_origin_owner_idx ON artifacts (origin_owner_user_id);
CREATE INDEX artifacts_forked_from_version_idx ON artifacts (forked_from_version_id);
CREATE INDEX artifacts_current_version_idx ON artifacts (current_version_id);
