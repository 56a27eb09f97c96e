-- Issue 13, items 4 and 6: bench:scale on the benchmark dataset (200k artifacts) found reads that
-- still grew with the site. Plans before and after are in docs-drafts/scale2.md (README
-- "bench:scale").

-- 1. GIN pending lists. With fastupdate (the default), new index entries wait in an unsorted
-- pending list until it reaches gin_pending_list_limit (4 MB, ~500 pages) or autovacuum merges it;
-- every search reads the whole list. Every non-HOT update of an artifact (a like changes
-- likes_count, which several btrees index) re-adds its title trigrams there, so on a live site the
-- list sits near the limit: "Neon Clock" read 493 pending pages, 4.5 ms of a 6 ms search, and the
-- tags index 62 pages for a tag nobody has. 256 kB (32 pages) keeps the batching for writes and
-- caps what a search reads. The lists present now are merged.
ALTER INDEX artifacts_search_trgm_idx SET (gin_pending_list_limit = 256);
ALTER INDEX artifacts_tags_idx SET (gin_pending_list_limit = 256);
ALTER INDEX profiles_handle_trgm_idx SET (gin_pending_list_limit = 256);
ALTER INDEX profiles_display_name_trgm_idx SET (gin_pending_list_limit = 256);
SELECT gin_clean_pending_list(c.oid)
  FROM pg_class c
 WHERE c.relname IN ('artifacts_search_trgm_idx', 'artifacts_tags_idx',
                     'profiles_handle_trgm_idx', 'profiles_display_name_trgm_idx');

-- 2. A sitemap chunk (db/queries/sitemap.ts) is the public artifacts of one id range, ordered by
-- id. The planner read it from artifacts_views_week_idx (a skip scan of (visibility, views_week,
-- id)), fetched every row from the heap and sorted them (665 buffers for 651 URLs). This index
-- holds exactly the listed rows with the one column a chunk shows: an index-only range scan in id
-- order, no sort, no heap (once vacuumed).
CREATE INDEX artifacts_sitemap_idx ON artifacts (id) INCLUDE (updated_at)
  WHERE visibility = 'public' AND hidden_at IS NULL;

-- 3. The forks page's "N forks" of a node counted its direct forks on every view (an index scan
-- and a heap visit per fork: unbounded for a node forked thousands of times). Anyone may see the
-- parent's public_forks_count (007/013 triggers: public, unhidden forks); a signed-in viewer adds
-- the direct forks that are not public-and-unhidden but visible to them (their own private or
-- hidden ones, hidden ones for moderators), from this index of only those rows — as 019 did for
-- lineages with artifacts_origin_unlisted_idx.
CREATE INDEX artifacts_forked_from_unlisted_idx ON artifacts (forked_from_id, owner_user_id)
  WHERE NOT (visibility = 'public' AND hidden_at IS NULL);
