-- The shared page cache (issue 13, README "Fast public pages"). Anonymous public pages are stored here by
-- every web process (lib/page-cache) and invalidated by triggers in the writing transaction itself,
-- so every write path — actions, API, MCP, imports, moderation, account deletion, operator commands —
-- is covered by construction.
--
-- Validity rule (db/queries/page-cache.ts): an entry keeps the snapshot taken before its render
-- started. It is stale iff a committed invalidation row with one of its tags has a transaction id the
-- snapshot did not see: xid >= pg_snapshot_xmin(snapshot) AND NOT pg_visible_in_snapshot(xid, snapshot).
-- An uncommitted write is invisible to the lookup, so the old page is served until the commit, and
-- never after it. Nothing here locks or deletes cache rows inside the write transaction: writers only
-- append, so hot tags ('lists') never make writers wait on each other.

CREATE TABLE page_cache (
  key text PRIMARY KEY CHECK (char_length(key) <= 2048),
  status integer NOT NULL CHECK (status = 200),
  body bytea NOT NULL,
  content_type text NOT NULL CHECK (char_length(content_type) <= 200),
  -- The few response headers worth replaying (Vary, Link, X-Robots-Tag), by lower-case name.
  headers jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- 'sha256-…' of every inline <script> of the body: the CSP of the cached page (no nonce).
  script_hashes text[] NOT NULL DEFAULT '{}',
  etag text NOT NULL CHECK (char_length(etag) <= 100),
  tags text[] NOT NULL,
  snapshot pg_snapshot NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX page_cache_stored_at_idx ON page_cache (stored_at);

-- Append-only. One row per tag per writing transaction (the unique index also serves the probe).
CREATE TABLE page_cache_invalidations (
  tag text NOT NULL,
  xid xid8 NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX page_cache_invalidations_tag_xid_idx ON page_cache_invalidations (tag, xid);

-- Pruning deletes invalidation rows below this xid; an entry whose snapshot's xmin is below it may
-- have lost rows it needs, so it is never stored (see storePageCacheEntry / prunePageCache).
CREATE TABLE page_cache_watermark (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  below_xid xid8 NOT NULL
);
INSERT INTO page_cache_watermark (id, below_xid) VALUES (true, '0'::xid8);

CREATE FUNCTION page_cache_invalidate(tags text[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO page_cache_invalidations (tag, xid)
  SELECT DISTINCT t, pg_current_xact_id() FROM unnest(tags) AS t WHERE t IS NOT NULL
  ON CONFLICT (tag, xid) DO NOTHING
$$;

-- What pages an artifact row appears on: its own pages, its owner's profile, its fork family's pages
-- (forks tree, "forked from", "upstream has N newer versions") and every list (explore, tags, sitemap).
CREATE FUNCTION page_cache_artifact_tags(a artifacts) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[
    'artifact:' || a.id,
    'artifact:' || a.forked_from_id,
    'user:' || a.owner_user_id,
    'family:' || coalesce(a.origin_artifact_id, a.id),
    'lists'
  ]
$$;

CREATE FUNCTION page_cache_artifacts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM page_cache_invalidate(page_cache_artifact_tags(OLD)); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM page_cache_invalidate(page_cache_artifact_tags(NEW)); END IF;
  RETURN NULL;
END $$;
-- Views (views_count, views_week) and the trending recomputation move on every visit: they do not
-- invalidate (a cached page shows the view count of its render; see README "Fast public pages"). Every other
-- column, including ones added later, does.
CREATE TRIGGER artifacts_page_cache_upd AFTER UPDATE ON artifacts FOR EACH ROW
  WHEN ((to_jsonb(OLD) - '{views_count,views_week,trending_score}'::text[])
        IS DISTINCT FROM (to_jsonb(NEW) - '{views_count,views_week,trending_score}'::text[]))
  EXECUTE FUNCTION page_cache_artifacts_changed();
CREATE TRIGGER artifacts_page_cache_ins_del AFTER INSERT OR DELETE ON artifacts FOR EACH ROW
  EXECUTE FUNCTION page_cache_artifacts_changed();
-- The orders that views move (Trending, Most viewed this week) carry the 'views' tag: those lists,
-- and only those, follow views exactly (a view is counted once per visitor and day, db/queries/views.ts,
-- so this is the rate of new visitors, not of requests).
CREATE FUNCTION page_cache_views_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM page_cache_invalidate(ARRAY['views']);
  RETURN NULL;
END $$;
CREATE TRIGGER artifacts_page_cache_views AFTER UPDATE ON artifacts FOR EACH ROW
  WHEN (OLD.views_week IS DISTINCT FROM NEW.views_week
        OR OLD.trending_score IS DISTINCT FROM NEW.trending_score)
  EXECUTE FUNCTION page_cache_views_changed();

-- Rows that belong to one artifact (likes, comments, versions, media): that artifact's tags, plus the
-- acting user's own pages. On a cascade from the artifact's delete the artifact row is gone; its own
-- delete trigger emitted its tags, so 'artifact:<id>' is enough here.
CREATE FUNCTION page_cache_artifact_child_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
  aid uuid;
  actor text;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  aid := (to_jsonb(r) ->> 'artifact_id')::uuid;
  actor := coalesce(to_jsonb(r) ->> 'user_id', to_jsonb(r) ->> 'author_user_id');
  PERFORM page_cache_invalidate(
    coalesce((SELECT page_cache_artifact_tags(a) FROM artifacts a WHERE a.id = aid), '{}'::text[])
    || ARRAY['artifact:' || aid, 'user:' || actor]);
  RETURN NULL;
END $$;
CREATE TRIGGER likes_page_cache AFTER INSERT OR UPDATE OR DELETE ON likes FOR EACH ROW
  EXECUTE FUNCTION page_cache_artifact_child_changed();
CREATE TRIGGER comments_page_cache AFTER INSERT OR UPDATE OR DELETE ON comments FOR EACH ROW
  EXECUTE FUNCTION page_cache_artifact_child_changed();
CREATE TRIGGER artifact_versions_page_cache AFTER INSERT OR UPDATE OR DELETE ON artifact_versions
  FOR EACH ROW EXECUTE FUNCTION page_cache_artifact_child_changed();
CREATE TRIGGER artifact_media_page_cache AFTER INSERT OR UPDATE OR DELETE ON artifact_media
  FOR EACH ROW EXECUTE FUNCTION page_cache_artifact_child_changed();

-- A person's name, handle, avatar, bio or counts show on their profile, on every artifact page that
-- names them (owner, commenters, "forked from @…") and in lists: 'people' is on every cached page that
-- shows someone else's name. Profile edits are rare, so the broad tag costs little.
CREATE FUNCTION page_cache_without_counts(j jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_object_agg(k, v), '{}'::jsonb) FROM jsonb_each(j) AS e(k, v)
   WHERE k NOT LIKE '%\_count'
$$;

CREATE FUNCTION page_cache_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  uid text;
BEGIN
  IF TG_OP = 'DELETE' THEN uid := coalesce(to_jsonb(OLD) ->> 'user_id', to_jsonb(OLD) ->> 'id');
  ELSE uid := coalesce(to_jsonb(NEW) ->> 'user_id', to_jsonb(NEW) ->> 'id'); END IF;
  -- A new profile is on no page yet but its own: a sign-up must not empty everyone's cache. Its
  -- counters (followers, likes and forks received… every *_count column, also ones added later) show
  -- only on the profile itself: a like must not empty every page that names the artifact's owner.
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'profiles'
      AND page_cache_without_counts(to_jsonb(OLD)) = page_cache_without_counts(to_jsonb(NEW))) THEN
    PERFORM page_cache_invalidate(ARRAY['user:' || uid]);
    RETURN NULL;
  END IF;
  PERFORM page_cache_invalidate(ARRAY['user:' || uid, 'people', 'lists']);
  RETURN NULL;
END $$;
CREATE TRIGGER profiles_page_cache AFTER INSERT OR UPDATE OR DELETE ON profiles FOR EACH ROW
  EXECUTE FUNCTION page_cache_user_changed();
-- users: only what a page can show (name, image) and the account's deletion — not session_version,
-- password or e-mail changes.
CREATE TRIGGER users_page_cache_upd AFTER UPDATE ON users FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.image IS DISTINCT FROM NEW.image)
  EXECUTE FUNCTION page_cache_user_changed();
CREATE TRIGGER users_page_cache_del AFTER DELETE ON users FOR EACH ROW
  EXECUTE FUNCTION page_cache_user_changed();

CREATE FUNCTION page_cache_follows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  PERFORM page_cache_invalidate(ARRAY['user:' || r.follower_user_id, 'user:' || r.followee_user_id]);
  RETURN NULL;
END $$;
CREATE TRIGGER follows_page_cache AFTER INSERT OR UPDATE OR DELETE ON follows FOR EACH ROW
  EXECUTE FUNCTION page_cache_follows_changed();

-- Tag pages and the tag cloud show these counts.
CREATE FUNCTION page_cache_lists_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM page_cache_invalidate(ARRAY['lists']);
  RETURN NULL;
END $$;
CREATE TRIGGER tag_counts_page_cache AFTER INSERT OR UPDATE OR DELETE ON tag_counts
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_lists_changed();
