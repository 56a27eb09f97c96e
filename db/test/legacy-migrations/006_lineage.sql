-- Lineage (issue 5): idempotent fork/import requests, the children-by-likes index of the fork tree,
-- and the counter side of deletions.

-- A double-submitted fork or import form carries the same key: the second request finds the first
-- one's result here instead of writing again. The primary key serialises concurrent duplicates.
CREATE TABLE lineage_requests (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  idempotency_key text NOT NULL CHECK (char_length(idempotency_key) BETWEEN 16 AND 64),
  kind text NOT NULL CHECK (kind IN ('fork', 'import')),
  artifact_id uuid NOT NULL REFERENCES artifacts (id) ON DELETE CASCADE,
  version_id uuid REFERENCES artifact_versions (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX lineage_requests_artifact_idx ON lineage_requests (artifact_id);
CREATE INDEX lineage_requests_version_idx ON lineage_requests (version_id);

-- The fork tree sorts a node's children by likes as well as by date (artifacts_forked_from_idx).
CREATE INDEX artifacts_forked_from_likes_idx ON artifacts (forked_from_id, likes_count DESC, id DESC);

-- Counters equal a recount (DESIGN.md "Counters"). Increments happen in the fork/import transaction
-- itself; deletions happen in many places (settings, account deletion cascades), so the database
-- takes the decrement in the same transaction as the deleted row, whoever deletes it. The triggers
-- are deferred to commit: inside a cascade (deleting an artifact deletes its versions and nulls its
-- forks' links) an immediate UPDATE of a fork could run before ON DELETE SET NULL reached it.
CREATE FUNCTION lineage_forget_fork() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.forked_from_id IS NOT NULL THEN
    UPDATE artifacts SET forks_count = forks_count - 1
     WHERE id = OLD.forked_from_id AND forks_count > 0;
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER artifacts_forget_fork AFTER DELETE ON artifacts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION lineage_forget_fork();

CREATE FUNCTION lineage_forget_import() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.version_metadata -> 'source' ->> 'kind' = 'import' THEN
    UPDATE artifacts SET imports_count = imports_count - 1
     WHERE id = (OLD.version_metadata -> 'source' ->> 'artifact_id')::uuid AND imports_count > 0;
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER artifact_versions_forget_import AFTER DELETE ON artifact_versions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION lineage_forget_import();

-- Deleting a parent must keep its forks intact (DESIGN.md "Visibility"). The lineage links point
-- both at the parent row and at rows that cascade from it (its versions), and ON DELETE SET NULL
-- reaches a fork once per link: checked immediately, a fork updated by the first SET NULL was
-- re-checked against a version the cascade had already removed, and the whole delete failed.
-- Checking these links at commit (the SET NULL actions themselves still run at once) fixes that.
ALTER TABLE artifacts
  ALTER CONSTRAINT artifacts_forked_from_id_fkey DEFERRABLE INITIALLY DEFERRED,
  ALTER CONSTRAINT artifacts_origin_artifact_id_fkey DEFERRABLE INITIALLY DEFERRED,
  ALTER CONSTRAINT artifacts_forked_from_version_id_fkey DEFERRABLE INITIALLY DEFERRED,
  ALTER CONSTRAINT artifacts_current_version_id_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE artifact_versions
  ALTER CONSTRAINT artifact_versions_parent_version_id_fkey DEFERRABLE INITIALLY DEFERRED;
