-- Security review (issue 12).

-- Item 8, "private means absent" in counts too: a public artifact whose only fork is private showed
-- "1 fork". forks_count stays the recount of every fork (lineage invariants); what people see is
-- public_forks_count, the forks anyone may see, kept by the database in the same transaction as the
-- fork's insert, visibility change, re-parenting or deletion, whoever makes it.
ALTER TABLE artifacts ADD COLUMN public_forks_count integer NOT NULL DEFAULT 0
  CHECK (public_forks_count >= 0);

UPDATE artifacts a SET public_forks_count = f.n
  FROM (SELECT forked_from_id, count(*)::int AS n FROM artifacts
         WHERE forked_from_id IS NOT NULL AND visibility = 'public' GROUP BY forked_from_id) f
 WHERE a.id = f.forked_from_id;

CREATE FUNCTION public_forks_on_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.forked_from_id IS NOT NULL AND OLD.visibility = 'public' THEN
    UPDATE artifacts SET public_forks_count = public_forks_count - 1
     WHERE id = OLD.forked_from_id AND public_forks_count > 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.forked_from_id IS NOT NULL AND NEW.visibility = 'public' THEN
    UPDATE artifacts SET public_forks_count = public_forks_count + 1 WHERE id = NEW.forked_from_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER artifacts_public_forks_insert AFTER INSERT ON artifacts
  FOR EACH ROW WHEN (NEW.forked_from_id IS NOT NULL) EXECUTE FUNCTION public_forks_on_write();
CREATE TRIGGER artifacts_public_forks_update AFTER UPDATE OF visibility, forked_from_id ON artifacts
  FOR EACH ROW WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility OR OLD.forked_from_id IS DISTINCT FROM NEW.forked_from_id)
  EXECUTE FUNCTION public_forks_on_write();
-- Deferred like 006's lineage_forget_fork: inside a cascade the parent row may be mid-deletion.
CREATE CONSTRAINT TRIGGER artifacts_public_forks_delete AFTER DELETE ON artifacts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_forks_on_write();

-- The Explore "most forked" sort orders by what people may see.
CREATE INDEX artifacts_most_public_forked_idx ON artifacts (visibility, public_forks_count DESC, id DESC);

-- Item 3, text stored in one artifact never quotes another: a fork's version 1 said "Forked from
-- @owner / <title> · v1" and a sync "Synced from @owner/<title> v2", so a parent that later turned
-- private stayed readable on its public forks. Those labels are now derived at render time from
-- version_metadata.source and what the viewer may see; the stored copies go.
UPDATE artifact_versions
   SET summary = NULL
 WHERE (version_metadata -> 'source' ->> 'kind' = 'fork' AND summary LIKE 'Forked from %')
    OR (version_metadata -> 'source' ->> 'kind' = 'import' AND summary LIKE 'Synced from %');

-- Item 12: sign-out revokes the session everywhere, a copied token included. Sessions are JWTs; each
-- carries the id of a row here, checked on every request (lib/auth/viewer.ts). Sign-out and
-- "revoke" in account settings mark the row; a token whose row is revoked or gone is signed out.
CREATE TABLE user_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  user_agent text CHECK (char_length(user_agent) <= 300),
  revoked_at timestamptz
);
CREATE INDEX user_sessions_user_idx ON user_sessions (user_id, created_at DESC);
