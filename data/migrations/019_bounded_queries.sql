-- Issue 13, item 4: every query behind a public page stays bounded at any scale. Plans on the
-- benchmark dataset (200k artifacts, 960k versions) are in README "Queries bounded at any scale".

-- Columns and indexes first: PostgreSQL refuses CREATE INDEX on a table with pending trigger
-- events, which the backfills below leave.
ALTER TABLE artifacts ADD COLUMN current_language text;
ALTER TABLE profiles
  ADD COLUMN public_artifacts_count integer NOT NULL DEFAULT 0 CHECK (public_artifacts_count >= 0),
  ADD COLUMN likes_received_count integer NOT NULL DEFAULT 0 CHECK (likes_received_count >= 0),
  ADD COLUMN forks_received_count integer NOT NULL DEFAULT 0 CHECK (forks_received_count >= 0);
ALTER TABLE artifacts ADD COLUMN public_lineage_count integer NOT NULL DEFAULT 0
  CHECK (public_lineage_count >= 0);

CREATE INDEX artifacts_lang_recent_idx ON artifacts (current_language, created_at DESC, id DESC)
  WHERE visibility = 'public';
CREATE INDEX artifacts_lang_top_idx ON artifacts (current_language, likes_count DESC, id DESC)
  WHERE visibility = 'public';
CREATE INDEX artifacts_lang_forked_idx ON artifacts (current_language, public_forks_count DESC, id DESC)
  WHERE visibility = 'public';
CREATE INDEX artifacts_lang_trending_idx ON artifacts (current_language, trending_score DESC, id DESC)
  WHERE visibility = 'public';
CREATE INDEX artifacts_lang_viewed_idx ON artifacts (current_language, views_week DESC, id DESC)
  WHERE visibility = 'public';
-- (3.) The lineage members a signed-in viewer may see beyond the public ones: their own private or
-- hidden forks, and hidden ones for moderators.
CREATE INDEX artifacts_origin_unlisted_idx ON artifacts (origin_artifact_id, owner_user_id)
  WHERE NOT (visibility = 'public' AND hidden_at IS NULL);

-- 1. The language filter. Explore filtered on the current version's code_language: a parallel seq
-- scan of every version (2.2 s). The language of the current version now lives on the artifact,
-- set in the same statement that moves current_version_id (versions are immutable), and each
-- Explore sort has a partial index that starts with it, so a language filter is a keyset walk like
-- any other sort.

UPDATE artifacts a SET current_language = v.code_language
  FROM artifact_versions v WHERE v.id = a.current_version_id;

CREATE FUNCTION artifacts_current_language() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.current_version_id IS NULL THEN
    NEW.current_language := NULL;
  ELSE
    -- A bulk load may insert the artifact before its versions: keep what it set then.
    NEW.current_language := coalesce(
      (SELECT code_language FROM artifact_versions WHERE id = NEW.current_version_id),
      NEW.current_language);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER artifacts_current_language_insert BEFORE INSERT ON artifacts
  FOR EACH ROW EXECUTE FUNCTION artifacts_current_language();
CREATE TRIGGER artifacts_current_language_update BEFORE UPDATE OF current_version_id ON artifacts
  FOR EACH ROW WHEN (OLD.current_version_id IS DISTINCT FROM NEW.current_version_id)
  EXECUTE FUNCTION artifacts_current_language();

-- 2. Profile counts, kept in the write transaction like likes_count. The profile page counted the
-- owner's public artifacts, summed their likes and joined every fork of them on each view (3.3 s
-- for a user with 7k artifacts). "Public" is what anyone may see: public and not hidden by a
-- moderator; forks received are the forks anyone may see of those (the sum of their
-- public_forks_count, itself kept by 007/013's trigger). Private and hidden never count.

-- One artifact's share of its owner's counts, applied with a sign. Rows are visited in user_id
-- order so concurrent statements lock profiles in the same order.
CREATE FUNCTION profile_counts_apply(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  UPDATE profiles p SET
    public_artifacts_count = p.public_artifacts_count + d.n,
    likes_received_count = p.likes_received_count + d.likes,
    forks_received_count = p.forks_received_count + d.forks
  FROM (SELECT (e->>'u')::uuid u, sum((e->>'n')::int)::int n, sum((e->>'l')::int)::int likes,
               sum((e->>'f')::int)::int forks
          FROM jsonb_array_elements(deltas) e GROUP BY 1 ORDER BY 1) d
  WHERE p.user_id = d.u AND (d.n <> 0 OR d.likes <> 0 OR d.forks <> 0)
$$;

CREATE FUNCTION profile_counts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM profile_counts_apply(coalesce(jsonb_agg(jsonb_build_object(
      'u', owner_user_id, 'n', 1, 'l', likes_count, 'f', public_forks_count)), '[]'))
    FROM inserted_rows WHERE visibility = 'public' AND hidden_at IS NULL;
  RETURN NULL;
END $$;

CREATE FUNCTION profile_counts_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM profile_counts_apply(coalesce(jsonb_agg(jsonb_build_object(
      'u', owner_user_id, 'n', -1, 'l', -likes_count, 'f', -public_forks_count)), '[]'))
    FROM deleted_rows WHERE visibility = 'public' AND hidden_at IS NULL;
  RETURN NULL;
END $$;

CREATE FUNCTION profile_counts_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was boolean := OLD.visibility = 'public' AND OLD.hidden_at IS NULL;
  now_public boolean := NEW.visibility = 'public' AND NEW.hidden_at IS NULL;
  deltas jsonb := '[]';
BEGIN
  IF was THEN
    deltas := deltas || jsonb_build_object('u', OLD.owner_user_id, 'n', -1,
      'l', -OLD.likes_count, 'f', -OLD.public_forks_count);
  END IF;
  IF now_public THEN
    deltas := deltas || jsonb_build_object('u', NEW.owner_user_id, 'n', 1,
      'l', NEW.likes_count, 'f', NEW.public_forks_count);
  END IF;
  IF jsonb_array_length(deltas) > 0 THEN PERFORM profile_counts_apply(deltas); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER artifacts_profile_counts_insert AFTER INSERT ON artifacts
  REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_counts_on_insert();
CREATE TRIGGER artifacts_profile_counts_delete AFTER DELETE ON artifacts
  REFERENCING OLD TABLE AS deleted_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_counts_on_delete();
CREATE TRIGGER artifacts_profile_counts_update
  AFTER UPDATE OF visibility, hidden_at, likes_count, public_forks_count, owner_user_id ON artifacts
  FOR EACH ROW WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility
                     OR (OLD.hidden_at IS NULL) IS DISTINCT FROM (NEW.hidden_at IS NULL)
                     OR OLD.likes_count IS DISTINCT FROM NEW.likes_count
                     OR OLD.public_forks_count IS DISTINCT FROM NEW.public_forks_count
                     OR OLD.owner_user_id IS DISTINCT FROM NEW.owner_user_id)
  EXECUTE FUNCTION profile_counts_on_update();

UPDATE profiles p SET public_artifacts_count = c.n, likes_received_count = c.likes,
                      forks_received_count = c.forks
  FROM (SELECT owner_user_id, count(*)::int n, coalesce(sum(likes_count), 0)::int likes,
               coalesce(sum(public_forks_count), 0)::int forks
          FROM artifacts WHERE visibility = 'public' AND hidden_at IS NULL GROUP BY 1) c
 WHERE p.user_id = c.owner_user_id;

-- 3. Lineage counts. The forks page counted every artifact of a lineage on each view (an 18k-row
-- index scan for the benchmark's 20k-node tree). The origin now keeps how many members anyone may
-- see; a signed-in viewer adds their own private or hidden members, found through a partial index
-- that holds only those (few) rows.

CREATE FUNCTION lineage_counts_apply(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  UPDATE artifacts a SET public_lineage_count = a.public_lineage_count + d.n
  FROM (SELECT (e->>'o')::uuid o, sum((e->>'n')::int)::int n
          FROM jsonb_array_elements(deltas) e GROUP BY 1 ORDER BY 1) d
  WHERE a.id = d.o AND d.n <> 0
$$;

CREATE FUNCTION lineage_counts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lineage_counts_apply(coalesce(jsonb_agg(jsonb_build_object('o', origin_artifact_id, 'n', 1)), '[]'))
    FROM inserted_rows WHERE origin_artifact_id IS NOT NULL AND visibility = 'public' AND hidden_at IS NULL;
  RETURN NULL;
END $$;

CREATE FUNCTION lineage_counts_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lineage_counts_apply(coalesce(jsonb_agg(jsonb_build_object('o', origin_artifact_id, 'n', -1)), '[]'))
    FROM deleted_rows WHERE origin_artifact_id IS NOT NULL AND visibility = 'public' AND hidden_at IS NULL;
  RETURN NULL;
END $$;

CREATE FUNCTION lineage_counts_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE deltas jsonb := '[]';
BEGIN
  IF OLD.origin_artifact_id IS NOT NULL AND OLD.visibility = 'public' AND OLD.hidden_at IS NULL THEN
    deltas := deltas || jsonb_build_object('o', OLD.origin_artifact_id, 'n', -1);
  END IF;
  IF NEW.origin_artifact_id IS NOT NULL AND NEW.visibility = 'public' AND NEW.hidden_at IS NULL THEN
    deltas := deltas || jsonb_build_object('o', NEW.origin_artifact_id, 'n', 1);
  END IF;
  IF jsonb_array_length(deltas) > 0 THEN PERFORM lineage_counts_apply(deltas); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER artifacts_lineage_counts_insert AFTER INSERT ON artifacts
  REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT EXECUTE FUNCTION lineage_counts_on_insert();
CREATE TRIGGER artifacts_lineage_counts_delete AFTER DELETE ON artifacts
  REFERENCING OLD TABLE AS deleted_rows FOR EACH STATEMENT EXECUTE FUNCTION lineage_counts_on_delete();
CREATE TRIGGER artifacts_lineage_counts_update
  AFTER UPDATE OF visibility, hidden_at, origin_artifact_id ON artifacts
  FOR EACH ROW WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility
                     OR (OLD.hidden_at IS NULL) IS DISTINCT FROM (NEW.hidden_at IS NULL)
                     OR OLD.origin_artifact_id IS DISTINCT FROM NEW.origin_artifact_id)
  EXECUTE FUNCTION lineage_counts_on_update();

UPDATE artifacts a SET public_lineage_count = c.n
  FROM (SELECT origin_artifact_id, count(*)::int n FROM artifacts
         WHERE origin_artifact_id IS NOT NULL AND visibility = 'public' AND hidden_at IS NULL
         GROUP BY 1) c
 WHERE a.id = c.origin_artifact_id;

-- 4. The sitemap needs no index of its own: each chunk is a range of a primary key
-- (db/queries/sitemap.ts), and profiles with public work are those with public_artifacts_count > 0.
