-- Follows, view counts and the activity log (issue 15, parts 4-6). Counters move in the same
-- statement as the row that justifies them, like likes (004): db/queries/follows.ts, views.ts.

-- Follows. The counters live on both profiles; follow/unfollow move them in the statement that
-- inserts/deletes the row (ON CONFLICT / RETURNING make repeats no-ops).
CREATE TABLE follows (
  follower_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  followee_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (follower_user_id, followee_user_id),
  CHECK (follower_user_id <> followee_user_id)
);
-- "Following" and "followers" lists, newest first, keyset-paged.
CREATE INDEX follows_follower_idx ON follows (follower_user_id, created_at DESC, followee_user_id DESC);
CREATE INDEX follows_followee_idx ON follows (followee_user_id, created_at DESC, follower_user_id DESC);

ALTER TABLE profiles
  ADD COLUMN followers_count integer NOT NULL DEFAULT 0 CHECK (followers_count >= 0),
  ADD COLUMN following_count integer NOT NULL DEFAULT 0 CHECK (following_count >= 0);

-- Deleting an account cascades to its follows without going through unfollow: the other side's
-- counter goes down here, at commit (deferred like 006's triggers: the cascade deletes the profile
-- too). An ordinary unfollow leaves both users in place, so this does nothing for it.
CREATE FUNCTION follows_forget_deleted_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM users WHERE id = OLD.follower_user_id) THEN
    UPDATE profiles SET followers_count = followers_count - 1
     WHERE user_id = OLD.followee_user_id AND followers_count > 0;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM users WHERE id = OLD.followee_user_id) THEN
    UPDATE profiles SET following_count = following_count - 1
     WHERE user_id = OLD.follower_user_id AND following_count > 0;
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER follows_forget_deleted_user AFTER DELETE ON follows
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION follows_forget_deleted_user();

-- Views: once per visitor per artifact per UTC day. `visitor` is 'u:<user id>' for signed-in people
-- and 'a:<hex sha256(salt of the day || ip || user agent)>' for anonymous ones; the address itself is
-- never stored. The primary key makes a repeat a no-op. Rows live two days (today and yesterday, so
-- a request that began before midnight still dedupes); the daily roll-over moves older ones into
-- artifact_view_days and deletes them.
CREATE TABLE artifact_views (
  artifact_id uuid NOT NULL REFERENCES artifacts (id) ON DELETE CASCADE,
  day date NOT NULL,
  visitor text NOT NULL CHECK (char_length(visitor) <= 80),
  PRIMARY KEY (artifact_id, day, visitor)
);
CREATE INDEX artifact_views_day_idx ON artifact_views (day);

-- Closed days, aggregated: the owner's "views over time" and the weekly window's subtraction.
CREATE TABLE artifact_view_days (
  artifact_id uuid NOT NULL REFERENCES artifacts (id) ON DELETE CASCADE,
  day date NOT NULL,
  views integer NOT NULL CHECK (views >= 0),
  -- Set when the day leaves the seven-day window and its views were taken off views_week (once).
  left_week boolean NOT NULL DEFAULT false,
  PRIMARY KEY (artifact_id, day)
);
CREATE INDEX artifact_view_days_week_idx ON artifact_view_days (day) WHERE NOT left_week;

-- One random salt per UTC day; yesterday's and older are deleted by the roll-over, after which an
-- anonymous visitor key can no longer be recomputed from an address.
CREATE TABLE view_salts (
  day date PRIMARY KEY,
  salt bytea NOT NULL CHECK (octet_length(salt) = 32)
);

-- views_count: every counted view, ever. views_week: the views of the last seven UTC days (today
-- included), kept by the view statement (+1) and the daily roll-over (minus the day that left the
-- window), so "most viewed this week" is an index walk, not an aggregate per request.
ALTER TABLE artifacts
  ADD COLUMN views_count integer NOT NULL DEFAULT 0 CHECK (views_count >= 0),
  ADD COLUMN views_week integer NOT NULL DEFAULT 0 CHECK (views_week >= 0);
CREATE INDEX artifacts_views_week_idx ON artifacts (visibility, views_week DESC, id DESC);

-- Activity: one row per publish, new version, fork and import (views are the aggregates above:
-- one event row per view would be the biggest table by far for a number nobody reads row by row).
-- Written by triggers in the same transaction as the artifact or version, whichever code path makes
-- it; read through visibleTo() on the artifact, so private and deleted artifacts never show.
CREATE TABLE activity_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('publish', 'version', 'fork', 'import')),
  actor_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  artifact_id uuid NOT NULL REFERENCES artifacts (id) ON DELETE CASCADE,
  version_id uuid REFERENCES artifact_versions (id) ON DELETE CASCADE,
  -- fork: the parent; import: the artifact the version came from.
  source_artifact_id uuid REFERENCES artifacts (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- The feed: the events of the people I follow, newest first.
CREATE INDEX activity_events_actor_idx ON activity_events (actor_user_id, created_at DESC, id DESC);
-- Stats: forks and imports of one artifact over time.
CREATE INDEX activity_events_source_idx ON activity_events (source_artifact_id, kind, created_at);
CREATE INDEX activity_events_artifact_idx ON activity_events (artifact_id);
CREATE INDEX activity_events_version_idx ON activity_events (version_id);
-- "publish" means "became public": once per artifact (a later private → public toggle is no news).
CREATE UNIQUE INDEX activity_events_publish_once_idx ON activity_events (artifact_id) WHERE kind = 'publish';

CREATE FUNCTION activity_on_artifact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.forked_from_id IS NOT NULL THEN
    INSERT INTO activity_events (kind, actor_user_id, artifact_id, source_artifact_id, created_at)
    VALUES ('fork', NEW.owner_user_id, NEW.id, NEW.forked_from_id, NEW.created_at);
  END IF;
  IF NEW.visibility = 'public' THEN
    INSERT INTO activity_events (kind, actor_user_id, artifact_id, created_at)
    VALUES ('publish', NEW.owner_user_id, NEW.id, CASE WHEN TG_OP = 'INSERT' THEN NEW.created_at ELSE now() END)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER artifacts_activity_insert AFTER INSERT ON artifacts
  FOR EACH ROW EXECUTE FUNCTION activity_on_artifact();
CREATE TRIGGER artifacts_activity_update AFTER UPDATE OF visibility ON artifacts
  FOR EACH ROW WHEN (OLD.visibility = 'private' AND NEW.visibility = 'public')
  EXECUTE FUNCTION activity_on_artifact();

-- Version 1 is the publish (or the fork) itself; later ones are new versions or imports.
CREATE FUNCTION activity_on_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  source_id uuid;
BEGIN
  IF NEW.version_metadata -> 'source' ->> 'kind' = 'import' THEN
    -- Written by our import code; a malformed value must never block the version, so it is checked.
    IF NEW.version_metadata -> 'source' ->> 'artifact_id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
      source_id := (NEW.version_metadata -> 'source' ->> 'artifact_id')::uuid;
    END IF;
    INSERT INTO activity_events (kind, actor_user_id, artifact_id, version_id, source_artifact_id, created_at)
    SELECT 'import', a.owner_user_id, a.id, NEW.id,
           (SELECT id FROM artifacts WHERE id = source_id), NEW.created_at
      FROM artifacts a WHERE a.id = NEW.artifact_id;
  ELSE
    INSERT INTO activity_events (kind, actor_user_id, artifact_id, version_id, created_at)
    SELECT 'version', a.owner_user_id, a.id, NEW.id, NEW.created_at
      FROM artifacts a WHERE a.id = NEW.artifact_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER artifact_versions_activity AFTER INSERT ON artifact_versions
  FOR EACH ROW WHEN (NEW.version_index > 1) EXECUTE FUNCTION activity_on_version();

-- Backfill from what exists: publishes (public artifacts at their creation), forks, later versions.
INSERT INTO activity_events (kind, actor_user_id, artifact_id, source_artifact_id, created_at)
SELECT 'fork', owner_user_id, id, forked_from_id, created_at FROM artifacts WHERE forked_from_id IS NOT NULL;
INSERT INTO activity_events (kind, actor_user_id, artifact_id, created_at)
SELECT 'publish', owner_user_id, id, created_at FROM artifacts WHERE visibility = 'public';
INSERT INTO activity_events (kind, actor_user_id, artifact_id, version_id, source_artifact_id, created_at)
SELECT CASE WHEN v.version_metadata -> 'source' ->> 'kind' = 'import' THEN 'import' ELSE 'version' END,
       a.owner_user_id, a.id, v.id,
       CASE WHEN v.version_metadata -> 'source' ->> 'kind' = 'import'
            THEN (SELECT s.id FROM artifacts s WHERE s.id::text = v.version_metadata -> 'source' ->> 'artifact_id') END,
       v.created_at
  FROM artifact_versions v JOIN artifacts a ON a.id = v.artifact_id
 WHERE v.version_index > 1;
