-- 012: tags and a category per artifact (issue 15).
--
-- Tags live on the artifact row as a text[] with a GIN index: the tag page and the explore filter
-- are "public artifacts whose tags contain T, in one of the gallery's sort orders", which is
-- `tags @> ARRAY[T]` (GIN) or, for a tag on a large share of artifacts, the sort's own keyset index
-- with the containment as a filter — the planner picks by the tag's frequency. Cards and the
-- artifact page read the tags with the row, no join. The rules (a-z 0-9 -, at most 30 characters,
-- at most 20, no duplicates) are domain/tags/tags.ts; the CHECKs below are the last of three layers.
CREATE FUNCTION vitrine_tags_valid(tags text[]) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(cardinality(tags), 0) <= 20
       AND NOT EXISTS (SELECT 1 FROM unnest(tags) t WHERE t IS NULL OR t !~ '^[a-z0-9]+(-[a-z0-9]+)*$' OR length(t) > 30)
       AND (SELECT count(DISTINCT t) FROM unnest(tags) t) = coalesce(cardinality(tags), 0)
  $$;

ALTER TABLE artifacts
  ADD COLUMN tags text[] NOT NULL DEFAULT '{}' CONSTRAINT artifacts_tags_check CHECK (vitrine_tags_valid(tags)),
  ADD COLUMN category text NOT NULL DEFAULT 'general'
    CONSTRAINT artifacts_category_check CHECK (category IN ('general', 'ui', 'animation', 'dashboard', 'tooling'));

CREATE INDEX artifacts_tags_idx ON artifacts USING gin (tags);
-- The category filter on the default (newest) sort walks this index; the other sorts walk their own
-- index and filter (five categories: each is a large share, so that stays cheap).
CREATE INDEX artifacts_category_recent_idx ON artifacts (category, visibility, created_at DESC, id DESC);

-- How many public artifacts carry each tag: the suggestions ("popular public tags matching the
-- prefix") read this instead of unnesting every artifact. Kept exact by the triggers below, in the
-- same transaction as the change; private artifacts never count.
CREATE TABLE tag_counts (
  tag text PRIMARY KEY,
  public_count integer NOT NULL DEFAULT 0 CHECK (public_count >= 0)
);
CREATE INDEX tag_counts_prefix_idx ON tag_counts (tag text_pattern_ops, public_count);

-- One tag's count moves by delta. A tag gained is an upsert; a tag lost always has its row (the
-- counts are exact) and is an update (an INSERT of a negative count would trip the CHECK before
-- ON CONFLICT is considered). Callers go in tag order, so concurrent writers lock rows in one order.
CREATE FUNCTION tag_counts_shift(shift_tag text, delta integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF delta > 0 THEN
    INSERT INTO tag_counts AS c (tag, public_count) VALUES (shift_tag, delta)
      ON CONFLICT (tag) DO UPDATE SET public_count = c.public_count + excluded.public_count;
  ELSIF delta < 0 THEN
    UPDATE tag_counts SET public_count = public_count + delta WHERE tag = shift_tag;
  END IF;
END $$;

-- Inserts and deletes: once per statement over its transition table, so a bulk insert (the seed,
-- an import) or a cascade delete (an account with its artifacts) is one aggregate, not a call per row.
CREATE FUNCTION tag_counts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only positive deltas: one set-based upsert, rows taken in tag order.
  INSERT INTO tag_counts AS c (tag, public_count)
    SELECT t, count(*)::int FROM inserted_rows, unnest(tags) t
    WHERE visibility = 'public' GROUP BY t ORDER BY t
  ON CONFLICT (tag) DO UPDATE SET public_count = c.public_count + excluded.public_count;
  RETURN NULL;
END $$;

CREATE FUNCTION tag_counts_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d record;
BEGIN
  FOR d IN SELECT t, count(*)::int n FROM deleted_rows, unnest(tags) t
           WHERE visibility = 'public' GROUP BY t ORDER BY t LOOP
    PERFORM tag_counts_shift(d.t, -d.n);
  END LOOP;
  RETURN NULL;
END $$;

-- Updates: per row, and only when tags or visibility are in the SET list (the counters, titles and
-- every other update of artifacts never reach this).
CREATE FUNCTION tag_counts_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_public text[] := CASE WHEN OLD.visibility = 'public' THEN OLD.tags ELSE '{}' END;
  new_public text[] := CASE WHEN NEW.visibility = 'public' THEN NEW.tags ELSE '{}' END;
  d record;
BEGIN
  IF old_public = new_public THEN RETURN NULL; END IF;
  FOR d IN
    SELECT t, sum(s)::int delta FROM (
      SELECT unnest(new_public) t, 1 s UNION ALL SELECT unnest(old_public), -1
    ) x GROUP BY t HAVING sum(s) <> 0 ORDER BY t
  LOOP
    PERFORM tag_counts_shift(d.t, d.delta);
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER artifacts_tag_counts_insert AFTER INSERT ON artifacts
  REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT EXECUTE FUNCTION tag_counts_on_insert();
CREATE TRIGGER artifacts_tag_counts_delete AFTER DELETE ON artifacts
  REFERENCING OLD TABLE AS deleted_rows FOR EACH STATEMENT EXECUTE FUNCTION tag_counts_on_delete();
CREATE TRIGGER artifacts_tag_counts_update AFTER UPDATE OF tags, visibility ON artifacts
  FOR EACH ROW EXECUTE FUNCTION tag_counts_on_update();
