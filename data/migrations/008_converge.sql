-- 008: brings a database migrated with earlier versions of 002, 003 and 006 (edited after some
-- databases had applied them, before migrations were checksummed) to the schema a fresh database
-- gets. Every statement is a no-op on a database that applied the current files.

-- 003 was "003_create_rate_limits" without the profile's "most liked" index.
CREATE INDEX IF NOT EXISTS artifacts_owner_likes_idx ON artifacts (owner_user_id, visibility, likes_count DESC, id DESC);

-- 002 now defers the version-pointer foreign keys (checked at commit, so deleting a forked artifact
-- works); an earlier 006 deferred the artifact-to-artifact links too, which 002 keeps immediate.
ALTER TABLE artifacts
  ALTER CONSTRAINT artifacts_forked_from_version_id_fkey DEFERRABLE INITIALLY DEFERRED,
  ALTER CONSTRAINT artifacts_current_version_id_fkey DEFERRABLE INITIALLY DEFERRED,
  ALTER CONSTRAINT artifacts_forked_from_id_fkey NOT DEFERRABLE,
  ALTER CONSTRAINT artifacts_origin_artifact_id_fkey NOT DEFERRABLE;
ALTER TABLE artifact_versions
  ALTER CONSTRAINT artifact_versions_parent_version_id_fkey DEFERRABLE INITIALLY DEFERRED;

-- The first 006 fired its counter triggers immediately; they run at commit now.
DROP TRIGGER IF EXISTS artifacts_forget_fork ON artifacts;
CREATE CONSTRAINT TRIGGER artifacts_forget_fork AFTER DELETE ON artifacts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION lineage_forget_fork();
DROP TRIGGER IF EXISTS artifact_versions_forget_import ON artifact_versions;
CREATE CONSTRAINT TRIGGER artifact_versions_forget_import AFTER DELETE ON artifact_versions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION lineage_forget_import();

-- The shared object store (lib/uploads/store.ts): avatars and thumbnails live in the database every
-- web process and the worker already share, so any process serves what any other stored. Objects
-- are small (re-encoded WebP avatars and thumbnails, a few hundred KB at most) and written rarely.
CREATE TABLE stored_objects (
  key text PRIMARY KEY,
  content_type text NOT NULL CHECK (content_type IN ('image/webp', 'image/png', 'image/jpeg')),
  etag text NOT NULL,
  byte_size integer NOT NULL CHECK (byte_size >= 0 AND byte_size <= 8388608),
  bytes bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
