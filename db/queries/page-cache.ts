import "server-only";
import { sql } from "drizzle-orm";
import { db, type Database } from "@/db/index";

// The shared page cache (data/migrations/017_page_cache.sql, README "Fast public pages"). Entries are
// written by any web process and invalidated by triggers in the writing transactions; this module owns
// every statement that reads or maintains them.

export type PageCacheEntry = {
  key: string;
  body: Buffer;
  contentType: string;
  headers: Record<string, string>;
  scriptHashes: string[];
  etag: string;
};

export type NewPageCacheEntry = PageCacheEntry & { tags: string[]; snapshot: string };

/**
 * The validity rule, for an entry aliased `c`: a committed invalidation under one of its tags whose
 * transaction its render's snapshot did not see (xid at or after the snapshot's xmin, and not visible
 * in it). The lookup serves only entries without one; pruning deletes those with one.
 */
const IS_STALE = sql`exists (
  select 1 from page_cache_invalidations i
  where i.tag = any (c.tags)
    and i.xid >= pg_snapshot_xmin(c.snapshot)
    and not pg_visible_in_snapshot(i.xid, c.snapshot))`;

/** Serialises pruning against stores (shared) so no entry is stored from a pruned-away past. */
const PRUNE_LOCK = sql`hashtext('vitrine:page-cache-prune')`;

/**
 * The cached page for `key`, or null when absent or stale. One statement: the primary-key lookup and
 * a probe for an invalidation its render did not see — a committed row, under one of the entry's tags,
 * whose transaction was not visible to the snapshot taken before the render (xid at or after the
 * snapshot's xmin, and not visible in it). An uncommitted write is invisible here, so its page stays
 * served until it commits, and never after.
 */
export async function lookupPageCacheEntry(
  key: string,
  database: Database = db,
): Promise<PageCacheEntry | null> {
  const result = await database.execute(sql`
    select c.key, c.body, c.content_type, c.headers, c.script_hashes, c.etag
    from page_cache c
    where c.key = ${key}
      and not ${IS_STALE}`);
  const row = result.rows[0] as
    | {
        key: string;
        body: Buffer;
        content_type: string;
        headers: Record<string, string>;
        script_hashes: string[];
        etag: string;
      }
    | undefined;
  if (!row) return null;
  return {
    key: row.key,
    body: row.body,
    contentType: row.content_type,
    headers: row.headers,
    scriptHashes: row.script_hashes,
    etag: row.etag,
  };
}

export type PageRenderStart = { snapshot: string; tags: string[] };

/**
 * Taken BEFORE a page is rendered: the snapshot its validity is judged against, and the tags of what
 * it shows — `artifact:`, `user:` and `family:` for the artifacts named in its URL (owner and fork
 * family looked up here), `user:` for a profile handle, plus the fixed tags the caller passes.
 */
export async function beginPageRender(
  scope: { artifactIds: string[]; handle: string | null; fixedTags: string[] },
  database: Database = db,
): Promise<PageRenderStart> {
  const ids = scope.artifactIds;
  const result = await database.execute(sql`
    select pg_current_snapshot()::text as snapshot,
      coalesce((
        select array_agg(t) from artifacts a,
          unnest(array['user:' || a.owner_user_id, 'family:' || coalesce(a.origin_artifact_id, a.id)]) t
        where a.id = any (${`{${ids.join(",")}}`}::uuid[])), '{}') as artifact_tags,
      (select 'user:' || p.user_id from profiles p where p.handle = ${scope.handle}) as user_tag`);
  const row = result.rows[0] as {
    snapshot: string;
    artifact_tags: string[];
    user_tag: string | null;
  };
  const tags = new Set([
    ...scope.fixedTags,
    ...ids.map((id) => `artifact:${id}`),
    ...row.artifact_tags,
    ...(row.user_tag ? [row.user_tag] : []),
  ]);
  return { snapshot: row.snapshot, tags: [...tags].sort() };
}

/**
 * Stores a rendered page (replacing any entry under its key). Refused (false) when its snapshot is
 * older than the pruning watermark: the invalidations it would need may already be deleted.
 */
export async function storePageCacheEntry(
  entry: NewPageCacheEntry,
  database: Database = db,
): Promise<boolean> {
  return database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock_shared(${PRUNE_LOCK})`);
    const result = await tx.execute(sql`
      insert into page_cache (key, status, body, content_type, headers, script_hashes, etag, tags, snapshot)
      select ${entry.key}, 200, ${entry.body}, ${entry.contentType}, ${JSON.stringify(entry.headers)}::jsonb,
        ${`{${entry.scriptHashes.map((h) => `"${h}"`).join(",")}}`}::text[], ${entry.etag},
        ${`{${entry.tags.map((t) => `"${t.replace(/["\\]/g, "")}"`).join(",")}}`}::text[],
        ${entry.snapshot}::pg_snapshot
      where pg_snapshot_xmin(${entry.snapshot}::pg_snapshot) >= (select below_xid from page_cache_watermark)
      on conflict (key) do update set
        body = excluded.body, content_type = excluded.content_type, headers = excluded.headers,
        script_hashes = excluded.script_hashes, etag = excluded.etag, tags = excluded.tags,
        snapshot = excluded.snapshot, stored_at = now()`);
    return (result.rowCount ?? 0) > 0;
  });
}

export type PruneOutcome = { entries: number; invalidations: number };

/**
 * Drops entries older than `maxAgeSeconds` and stale ones, then the invalidation rows no remaining
 * entry can need: below the oldest remaining snapshot's xmin (and below the current xmin, so a render
 * that is taking its snapshot right now is covered too — it will be refused by the watermark if older).
 * Safe from any number of processes at once.
 */
export async function prunePageCache(
  maxAgeSeconds: number,
  database: Database = db,
): Promise<PruneOutcome> {
  return database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PRUNE_LOCK})`);
    const entries = await tx.execute(sql`
      delete from page_cache c
      where c.stored_at < now() - make_interval(secs => ${maxAgeSeconds})
         or ${IS_STALE}`);
    const mark = await tx.execute(sql`
      update page_cache_watermark w set below_xid = greatest(w.below_xid, least(
        (select pg_snapshot_xmin(snapshot) from page_cache
         order by pg_snapshot_xmin(snapshot) limit 1),
        pg_snapshot_xmin(pg_current_snapshot())))
      returning below_xid::text as xmin`);
    const watermark = (mark.rows[0] as { xmin: string }).xmin;
    const gone = await tx.execute(
      sql`delete from page_cache_invalidations where xid < ${watermark}::xid8`,
    );
    return { entries: entries.rowCount ?? 0, invalidations: gone.rowCount ?? 0 };
  });
}
