-- 013: reports and moderation (issue 15 part 3).

-- A hidden artifact is absent for everyone but its owner and moderators, exactly like a private one.
-- Hiding is its own column, not a third `visibility`, so the owner's public/private choice survives a
-- hide and a restore. The one predicate (db/queries/visibility.ts) reads it; hidden rows are rare, so
-- the existing (visibility, …) indexes still drive every listing with `hidden_at IS NULL` as a filter.
ALTER TABLE artifacts ADD COLUMN hidden_at timestamptz;

-- Roles granted by an operator (`npm run vitrine -- role grant --handle <h> moderator`).
CREATE TABLE user_roles (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('moderator')),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, role)
);

-- Every moderator action: who, what, why, when. No foreign key to the item on purpose: the record
-- outlives a deleted comment or artifact.
CREATE TABLE moderation_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  moderator_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  action text NOT NULL CHECK (action IN ('hide', 'restore', 'dismiss', 'delete_comment')),
  artifact_id uuid NOT NULL,
  comment_id uuid,
  reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 1000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX moderation_actions_artifact_idx ON moderation_actions (artifact_id, created_at DESC, id DESC);
CREATE INDEX moderation_actions_moderator_idx ON moderation_actions (moderator_user_id);

-- A report on a public artifact (comment_id NULL) or on one of its comments.
CREATE TABLE reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reporter_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  artifact_id uuid NOT NULL REFERENCES artifacts (id) ON DELETE CASCADE,
  comment_id uuid REFERENCES comments (id) ON DELETE CASCADE,
  reason text NOT NULL CHECK (reason IN ('spam', 'abuse', 'malware', 'illegal', 'other')),
  body text NOT NULL CHECK (char_length(body) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by_action_id uuid REFERENCES moderation_actions (id) ON DELETE SET NULL
);
-- One open report per user per item, whatever the concurrency: the second insert collides here.
CREATE UNIQUE INDEX reports_one_open_idx ON reports
  (reporter_user_id, artifact_id, coalesce(comment_id, '00000000-0000-0000-0000-000000000000'::uuid))
  WHERE resolved_at IS NULL;
-- The queue (open reports, oldest first) and an item's open reports.
CREATE INDEX reports_open_idx ON reports (artifact_id, comment_id, created_at) WHERE resolved_at IS NULL;
CREATE INDEX reports_comment_idx ON reports (comment_id);
CREATE INDEX reports_resolved_by_idx ON reports (resolved_by_action_id);

-- One appeal per hide: the owner of a hidden artifact writes once; it goes back to the queue.
CREATE TABLE moderation_appeals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  hide_action_id uuid NOT NULL REFERENCES moderation_actions (id) ON DELETE CASCADE,
  artifact_id uuid NOT NULL REFERENCES artifacts (id) ON DELETE CASCADE,
  owner_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz
);
CREATE UNIQUE INDEX moderation_appeals_one_per_hide_idx ON moderation_appeals (hide_action_id);
CREATE INDEX moderation_appeals_open_idx ON moderation_appeals (artifact_id) WHERE resolved_at IS NULL;
CREATE INDEX moderation_appeals_owner_idx ON moderation_appeals (owner_user_id);

-- "N forks" counts forks anyone may see (007): a hidden fork no longer counts, a restored one does
-- again, in the same transaction as the hide. Same function, one more condition.
CREATE OR REPLACE FUNCTION public_forks_on_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.forked_from_id IS NOT NULL AND OLD.visibility = 'public'
     AND OLD.hidden_at IS NULL THEN
    UPDATE artifacts SET public_forks_count = public_forks_count - 1
     WHERE id = OLD.forked_from_id AND public_forks_count > 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.forked_from_id IS NOT NULL AND NEW.visibility = 'public'
     AND NEW.hidden_at IS NULL THEN
    UPDATE artifacts SET public_forks_count = public_forks_count + 1 WHERE id = NEW.forked_from_id;
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER artifacts_public_forks_update ON artifacts;
CREATE TRIGGER artifacts_public_forks_update AFTER UPDATE OF visibility, forked_from_id, hidden_at ON artifacts
  FOR EACH ROW WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility
                     OR OLD.forked_from_id IS DISTINCT FROM NEW.forked_from_id
                     OR (OLD.hidden_at IS NULL) IS DISTINCT FROM (NEW.hidden_at IS NULL))
  EXECUTE FUNCTION public_forks_on_write();
