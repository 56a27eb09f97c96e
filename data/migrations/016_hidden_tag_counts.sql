-- Tags (012) and moderation (013) landed side by side: a hidden artifact is absent like a private
-- one, so it must not count in tag_counts (tag pages' counts and the tag suggestions) either.
-- The three trigger functions count "public and not hidden", the update trigger also fires when
-- hidden_at changes, and the counts are rebuilt once from the rows.

CREATE OR REPLACE FUNCTION tag_counts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tag_counts AS c (tag, public_count)
    SELECT t, count(*)::int FROM inserted_rows, unnest(tags) t
    WHERE visibility = 'public' AND hidden_at IS NULL GROUP BY t ORDER BY t
  ON CONFLICT (tag) DO UPDATE SET public_count = c.public_count + excluded.public_count;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION tag_counts_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d record;
BEGIN
  FOR d IN SELECT t, count(*)::int n FROM deleted_rows, unnest(tags) t
           WHERE visibility = 'public' AND hidden_at IS NULL GROUP BY t ORDER BY t LOOP
    PERFORM tag_counts_shift(d.t, -d.n);
  END LOOP;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION tag_counts_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_public text[] := CASE WHEN OLD.visibility = 'public' AND OLD.hidden_at IS NULL THEN OLD.tags ELSE '{}' END;
  new_public text[] := CASE WHEN NEW.visibility = 'public' AND NEW.hidden_at IS NULL THEN NEW.tags ELSE '{}' END;
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

DROP TRIGGER artifacts_tag_counts_update ON artifacts;
CREATE TRIGGER artifacts_tag_counts_update AFTER UPDATE OF tags, visibility, hidden_at ON artifacts
  FOR EACH ROW EXECUTE FUNCTION tag_counts_on_update();

-- Rebuild from the rows (artifacts hidden before this migration were still counted).
DELETE FROM tag_counts;
INSERT INTO tag_counts (tag, public_count)
  SELECT t, count(*)::int FROM artifacts, unnest(tags) t
  WHERE visibility = 'public' AND hidden_at IS NULL GROUP BY t;
