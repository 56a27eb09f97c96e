import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { db, type Database } from "@/db/index";
import { artifactMedia, artifacts, likes, profiles } from "@/db/schema";
import { decodeTypedCursor, encodeCursor, type CursorKeyKind } from "@/domain/cursor";
import { GALLERY_PAGE_SIZE, type GallerySort } from "@/domain/gallery/params";
import { tagFromUrl, type Category } from "@/domain/tags/tags";
import { searchCondition } from "./gallery-search";
import { visibleTo } from "./visibility";
import { ensureViewDay, viewTrendScores } from "./views";

// The Explore gallery and the "liked" tab. Public artifacts only, whoever asks (the owner's private
// work lives on their profile). Every sort is a keyset walk of its own index
// (visibility, <key> DESC, id DESC) — never OFFSET — so page 500 costs what page 1 costs.

export type GalleryCard = {
  id: string;
  title: string;
  description: string | null;
  createdAt: Date;
  likesCount: number;
  forksCount: number;
  commentsCount: number;
  viewsCount: number;
  ownerHandle: string | null;
  ownerDisplayName: string | null;
  ownerAvatarUrl: string | null;
  language: string | null;
  /** Set when a thumbnail exists; its timestamp busts the browser cache after a re-render. */
  thumbVersion: string | null;
  likedByViewer: boolean;
  tags: string[];
  category: string;
};

export type GalleryPage = {
  items: GalleryCard[];
  nextCursor: string | null;
  /** The search matched too much to answer within SEARCH_BUDGET_MS: ask for another word. */
  tooBroad?: true;
};

type SortSpec = { column: SQL; keyText: SQL<string>; cast: CursorKeyKind };

const SORTS: Record<GallerySort, SortSpec> = {
  newest: {
    column: sql`${artifacts.createdAt}`,
    // Microseconds: a JS Date would drop them and skip or repeat rows sharing a millisecond.
    keyText: sql<string>`to_char(${artifacts.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    cast: "timestamptz",
  },
  top: {
    column: sql`${artifacts.likesCount}`,
    keyText: sql<string>`${artifacts.likesCount}::text`,
    cast: "int4",
  },
  // What people may see: private forks never count (007_security.sql).
  forked: {
    column: sql`${artifacts.publicForksCount}`,
    keyText: sql<string>`${artifacts.publicForksCount}::text`,
    cast: "int4",
  },
  trending: {
    column: sql`${artifacts.trendingScore}`,
    // float8 text is the shortest exact round-trip representation, so the cursor compares exactly.
    keyText: sql<string>`${artifacts.trendingScore}::text`,
    cast: "float8",
  },
  // Views of the last seven UTC days, kept by db/queries/views.ts (014_social_graph.sql).
  viewed: {
    column: sql`${artifacts.viewsWeek}`,
    keyText: sql<string>`${artifacts.viewsWeek}::text`,
    cast: "int4",
  },
};

function cardSelection(viewerId: string | null) {
  return {
    id: artifacts.id,
    title: artifacts.title,
    description: artifacts.description,
    createdAt: artifacts.createdAt,
    likesCount: artifacts.likesCount,
    forksCount: artifacts.publicForksCount,
    commentsCount: artifacts.commentsCount,
    viewsCount: artifacts.viewsCount,
    ownerHandle: profiles.handle,
    ownerDisplayName: profiles.displayName,
    ownerAvatarUrl: profiles.avatarUrl,
    // The current version's language, kept on the artifact (019): no join to the versions table.
    language: artifacts.currentLanguage,
    thumbVersion: sql<string | null>`case when ${artifactMedia.thumbUrl} is not null
      then extract(epoch from ${artifactMedia.updatedAt})::bigint::text end`,
    likedByViewer: viewerId
      ? sql<boolean>`exists (select 1 from ${likes} where ${likes.artifactId} = ${artifacts.id} and ${likes.userId} = ${viewerId})`
      : sql<boolean>`false`,
    tags: artifacts.tags,
    category: artifacts.category,
  };
}

export type GalleryQuery = {
  sort: GallerySort;
  language?: string | null;
  q?: string | null;
  /** A canonical tag (domain/tags): only artifacts carrying it (GIN index artifacts_tags_idx). */
  tag?: string | null;
  category?: Category | null;
  cursor?: string | null;
  viewerId?: string | null;
  limit?: number;
  /** Another database (benchmarks); the app's own by default. */
  database?: Database;
  /** Tests: a smaller budget than SEARCH_BUDGET_MS. */
  searchBudgetMs?: number;
};

/**
 * How a page's ids are found. "walk": the sort's index (or its language index, 019) in order,
 * filtering as it goes — cheap when matches are common. "collect": up to COLLECT_CAP matches by the
 * filters' own indexes (trigram, owner, tags), then sorted — cheap when they are rare. A walk for a
 * rare term read the whole index (1–1.5 s for a search that matches nothing); collecting a common
 * one would sort everything it matches.
 */
export type GalleryStrategy = "walk" | "collect";
export const COLLECT_CAP = 5000;

/**
 * The gallery page query, unexecuted (benchmarks EXPLAIN exactly what the app runs). The page's ids
 * come from `artifacts` alone, and only those limit + 1 rows are joined to their owner and
 * thumbnail: joining first made a broad search join and sort every match before the limit (5.4 s,
 * issue 13). With "collect", each row also carries how many matches were collected (`matches`):
 * more than COLLECT_CAP means the sample was cut and the caller walks instead.
 */
export function galleryQuery({
  sort,
  language,
  q,
  tag,
  category,
  cursor,
  viewerId = null,
  limit = GALLERY_PAGE_SIZE,
  database = db,
  strategy = "walk",
}: GalleryQuery & { strategy?: GalleryStrategy }) {
  const spec = SORTS[sort];
  const validAfter = decodeTypedCursor(cursor, spec.cast);
  // A search term that is a tag also finds artifacts tagged with it (GIN, BitmapOr with the rest).
  const qTag = tagFromUrl(q);
  const where = and(
    visibleTo(artifacts, null),
    language ? eq(artifacts.currentLanguage, language) : undefined,
    tag ? sql`${artifacts.tags} @> array[${tag}]::text[]` : undefined,
    category ? eq(artifacts.category, category) : undefined,
    // Title, description, owner handle or display name; "@handle" (gallery-search.ts); a term
    // that is a tag also finds artifacts tagged with it.
    q
      ? qTag
        ? sql`(${searchCondition(q)} or ${artifacts.tags} @> array[${qTag}]::text[])`
        : searchCondition(q)
      : undefined,
    validAfter
      ? sql`(${spec.column}, ${artifacts.id}) < (${validAfter.key}::${sql.raw(spec.cast)}, ${validAfter.id}::uuid)`
      : undefined,
  );
  const top =
    strategy === "walk"
      ? database
          .select({ id: artifacts.id, matches: sql<number>`0`.as("matches") })
          .from(artifacts)
          .where(where)
          .orderBy(sql`${spec.column} desc`, desc(artifacts.id))
          .limit(limit + 1)
          .as("top")
      : collectTop(database, where, spec, limit);
  return database
    .select({ ...cardSelection(viewerId), cursorKey: spec.keyText, matches: top.matches })
    .from(top)
    .innerJoin(artifacts, eq(artifacts.id, top.id))
    .leftJoin(profiles, eq(profiles.userId, artifacts.ownerUserId))
    .leftJoin(artifactMedia, eq(artifactMedia.artifactId, artifacts.id))
    .orderBy(sql`${spec.column} desc`, desc(artifacts.id));
}

/**
 * Any COLLECT_CAP + 1 matches, unordered (the inner LIMIT keeps the planner from walking the sort
 * index), then the page's top rows among them and the number collected.
 */
function collectTop(database: Database, where: SQL | undefined, spec: SortSpec, limit: number) {
  const found = database
    .select({ id: artifacts.id, key: sql`${spec.column}`.as("key") })
    .from(artifacts)
    // `where` already holds the predicate; said again here so this read stands on its own.
    .where(and(visibleTo(artifacts, null), where))
    .limit(COLLECT_CAP + 1)
    .as("found");
  return database
    .select({ id: found.id, matches: sql<number>`count(*) over ()`.as("matches") })
    .from(found)
    .orderBy(sql`${found.key} desc`, desc(found.id))
    .limit(limit + 1)
    .as("top");
}

/**
 * How long a search may take before it is answered "too broad" (a sentence asking for another
 * word) instead of running into the statement timeout and a 500.
 */
export const SEARCH_BUDGET_MS = 1500;
/**
 * Set (locally) for the walk statement of a search; see boundedSearch. Sorting only: every plan
 * that is not the ordered walk needs a Sort, so the walk wins; bitmap scans stay allowed because
 * the owner subquery can only use its trigram indexes through them (with bitmaps off it read every
 * profile: 12–18 ms for "Gradient" on 20k profiles, 0.7 ms with them; issue 13, bench:scale).
 */
export const WALK_SETTINGS = ["enable_sort = off"];
export { TOO_BROAD_MESSAGE } from "@/domain/gallery/too-broad";

export async function listGallery(params: GalleryQuery): Promise<GalleryPage> {
  const limit = params.limit ?? GALLERY_PAGE_SIZE;
  // The weekly figure drops the day that left the window once per process per day (views.ts).
  if (params.sort === "viewed" && !params.database) await ensureViewDay();
  const rows = params.q || params.tag ? await boundedSearch(params) : await galleryQuery(params);
  if (rows === "too-broad") return { items: [], nextCursor: null, tooBroad: true };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(({ cursorKey: _k, matches: _m, ...card }) => card),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ key: last.cursorKey, id: last.id }) : null,
  };
}

/**
 * A search or tag page: collect first (rare terms), walk when more than COLLECT_CAP match (common
 * ones), each statement under its own timeout. A term that is neither — thousands of matches, all
 * far down the sort order — is cancelled by PostgreSQL (57014) and answered "too broad"; the
 * connection goes straight back to the pool.
 */
async function boundedSearch(params: GalleryQuery) {
  const database = params.database ?? db;
  try {
    return await database.transaction(async (tx) => {
      const budget = Math.max(1, Math.round(params.searchBudgetMs ?? SEARCH_BUDGET_MS));
      await tx.execute(sql.raw(`set local statement_timeout = ${budget}`));
      const inTx = { ...params, database: tx as unknown as Database };
      const collected = await galleryQuery({ ...inTx, strategy: "collect" });
      if (Number(collected[0]?.matches ?? 0) <= COLLECT_CAP) return collected;
      // Many matches: a walk of the sort's index finds a page after ~limit / density rows. The
      // planner cannot see the density (an owner list from a subquery is estimated at a few
      // rows), and would rather bitmap-scan and sort every match (13.9k rows for "bench_1"):
      // sorting is off for this one statement, so the ordered index walk wins.
      for (const setting of WALK_SETTINGS) await tx.execute(sql.raw(`set local ${setting}`));
      return galleryQuery({ ...inTx, strategy: "walk" });
    });
  } catch (err) {
    if (isStatementTimeout(err)) return "too-broad" as const;
    throw err;
  }
}

function isStatementTimeout(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "57014") return true;
    depth++;
  }
  return false;
}

/** A user's "liked" tab: public artifacts only, most recently liked first. */
export async function listLikedArtifacts({
  userId,
  cursor,
  viewerId = null,
  limit = GALLERY_PAGE_SIZE,
}: {
  userId: string;
  cursor?: string | null;
  viewerId?: string | null;
  limit?: number;
}): Promise<GalleryPage> {
  const validAfter = decodeTypedCursor(cursor, "timestamptz");
  const rows = await db
    .select({
      ...cardSelection(viewerId),
      cursorKey: sql<string>`to_char(${likes.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(likes)
    .innerJoin(artifacts, eq(artifacts.id, likes.artifactId))
    .leftJoin(profiles, eq(profiles.userId, artifacts.ownerUserId))
    .leftJoin(artifactMedia, eq(artifactMedia.artifactId, artifacts.id))
    .where(
      and(
        eq(likes.userId, userId),
        visibleTo(artifacts, null),
        validAfter
          ? sql`(${likes.createdAt}, ${likes.artifactId}) < (${validAfter.key}::timestamptz, ${validAfter.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(likes.createdAt), desc(likes.artifactId))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(({ cursorKey: _k, ...card }) => card),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ key: last.cursorKey, id: last.id }) : null,
  };
}

/**
 * Recomputes every trending score from the likes and forks tables and the counted views (the seed uses it after bulk
 * inserts; tests compare it with the incrementally maintained value).
 */
export async function recomputeTrendingScores(database = db): Promise<void> {
  await database.execute(sql`
    update artifacts a set trending_score = coalesce(l.score, 0) + coalesce(f.score, 0) + coalesce(v.score, 0)
    from artifacts base
    left join (select artifact_id, sum(vitrine_trend_weight(created_at)) score from likes group by artifact_id) l
      on l.artifact_id = base.id
    left join (select forked_from_id, 2 * sum(vitrine_trend_weight(created_at)) score from artifacts
               where forked_from_id is not null group by forked_from_id) f
      on f.forked_from_id = base.id
    left join (${viewTrendScores()}) v on v.artifact_id = base.id
    where a.id = base.id and a.trending_score is distinct from coalesce(l.score, 0) + coalesce(f.score, 0) + coalesce(v.score, 0)`);
}
