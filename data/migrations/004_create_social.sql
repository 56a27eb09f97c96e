-- Social: likes, comments, trending, search (issue 6). Counters move in the same statement as the row
-- that justifies them (db/queries/likes.ts, db/queries/comments.ts); CHECK (count >= 0) is on artifacts.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE likes (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  artifact_id uuid NOT NULL REFERENCES artifacts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (artifact_id, user_id)
);
-- A user's "liked" tab, newest like first (also indexes the user_id foreign key).
CREATE INDEX likes_user_idx ON likes (user_id, created_at DESC, artifact_id DESC);

CREATE TABLE comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  artifact_id uuid NOT NULL REFERENCES artifacts (id) ON DELETE CASCADE,
  author_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- The artifact's current version when the comment was posted ("on v3").
  version_id uuid REFERENCES artifact_versions (id) ON DELETE SET NULL,
  body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Both orders (newest / oldest first) walk this one index, forwards or backwards.
CREATE INDEX comments_artifact_idx ON comments (artifact_id, created_at DESC, id DESC);
CREATE INDEX comments_author_idx ON comments (author_user_id);
CREATE INDEX comments_version_idx ON comments (version_id);

-- Trending. Every like and fork adds exp((t - epoch) / tau) to the artifact's trending_score, and an
-- unlike / deleted fork subtracts its own term. Ordering by Σ exp((t_i - epoch)/tau) is the same as
-- ordering by Σ exp(-(now - t_i)/tau) (the factor exp(now/tau) is shared by every row), so the score
-- is an exponentially time-decayed count (half-life 3 days: recent likes and forks weigh more) that
-- never needs a periodic refresh and moves in the same statement as its cause. A plain column makes
-- it keyset-paginatable with an ordinary index. A fork weighs twice a like.
-- Range: exp() overflows float8 past 709, i.e. ~8 years after the epoch; rebasing is one UPDATE
-- (score * exp(-k)) together with a new epoch here.
CREATE FUNCTION vitrine_trend_weight(t timestamptz) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT exp(extract(epoch FROM (t - timestamptz '2026-01-01 00:00:00+00')) / (3 * 86400 / ln(2))) $$;

ALTER TABLE artifacts ADD COLUMN trending_score double precision NOT NULL DEFAULT 0;
CREATE INDEX artifacts_trending_idx ON artifacts (visibility, trending_score DESC, id DESC);

-- Forks are created by the forking code; this trigger keeps the parent's trending score in the
-- same transaction without that code having to know about trending.
CREATE FUNCTION vitrine_fork_trending() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.forked_from_id IS NOT NULL THEN
    UPDATE artifacts SET trending_score = trending_score + 2 * vitrine_trend_weight(NEW.created_at)
      WHERE id = NEW.forked_from_id;
  ELSIF TG_OP = 'DELETE' AND OLD.forked_from_id IS NOT NULL THEN
    UPDATE artifacts SET trending_score = greatest(0, trending_score - 2 * vitrine_trend_weight(OLD.created_at))
      WHERE id = OLD.forked_from_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER artifacts_fork_trending AFTER INSERT OR DELETE ON artifacts
  FOR EACH ROW EXECUTE FUNCTION vitrine_fork_trending();

-- Search over title + description and the owner's handle (trigram GIN: ILIKE '%term%' uses them).
CREATE INDEX artifacts_search_trgm_idx ON artifacts USING gin ((title || ' ' || coalesce(description, '')) gin_trgm_ops);
CREATE INDEX profiles_handle_trgm_idx ON profiles USING gin (handle gin_trgm_ops);
