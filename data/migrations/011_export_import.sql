-- Export and import (issue 14, part 5).
--
-- artifact_imports: the provenance of an artifact created from a Vitrine zip — which file, which
-- original artifact, when, by whom. One row per imported artifact, written in the same transaction
-- as the artifact and its versions (db/queries/archive-import.ts), gone with the artifact.
CREATE TABLE artifact_imports (
  artifact_id uuid PRIMARY KEY REFERENCES artifacts(id) ON DELETE CASCADE,
  imported_by_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  file_name text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 255),
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  original_artifact_id text CHECK (char_length(original_artifact_id) <= 64),
  original_owner_handle text CHECK (char_length(original_owner_handle) <= 64),
  original_exported_at timestamptz,
  version_count integer NOT NULL CHECK (version_count >= 1),
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX artifact_imports_user_idx ON artifact_imports (imported_by_user_id, imported_at DESC);

-- account_exports: one background build of "all my work" (lib/export/account-job.ts). The zip
-- itself lives in stored_objects under object_key while state = 'ready' and until expires_at.
CREATE TABLE account_exports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'ready', 'failed')),
  object_key text CHECK (char_length(object_key) <= 200),
  byte_size integer CHECK (byte_size >= 0),
  artifact_count integer CHECK (artifact_count >= 0),
  error text CHECK (char_length(error) <= 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  expires_at timestamptz
);
CREATE INDEX account_exports_user_idx ON account_exports (user_id, created_at DESC);

-- The object store also holds account-export zips, in parts of at most 8 MB (its byte_size CHECK)
-- under exports/<user>/<export>/part-NNNNN. They are never served by /api/uploads (its key pattern
-- is images only); only app/(account)/settings/export/[id]/download reads them, for their owner.
ALTER TABLE stored_objects DROP CONSTRAINT stored_objects_content_type_check;
ALTER TABLE stored_objects ADD CONSTRAINT stored_objects_content_type_check
  CHECK (content_type IN ('image/webp', 'image/png', 'image/jpeg', 'application/zip'));

-- An export's parts go with its row, however the row goes (a deleted account cascades here).
CREATE FUNCTION account_exports_forget_parts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM stored_objects
   WHERE starts_with(key, 'exports/' || OLD.user_id::text || '/' || OLD.id::text || '/');
  RETURN OLD;
END $$;
CREATE TRIGGER account_exports_forget_parts AFTER DELETE ON account_exports
  FOR EACH ROW EXECUTE FUNCTION account_exports_forget_parts();
