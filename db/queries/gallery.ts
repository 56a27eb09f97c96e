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
};

/**
 * The gallery page query, unexecuted (benchmarks EXPLAIN exactly what the app runs). Two steps: the
 * page's ids come from `artifacts` alone — a keyset walk of the sort's index, or of its language
 * index (019) — and only those limit + 1 rows are joined to their owner and thumbnail. Joining
 * first made a broad search join and sort every match before the limit (5.4 s, issue 13).
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
}: GalleryQuery) {
  const spec = SORTS[sort];
  const validAfter = decodeTypedCursor(cursor, spec.cast);
  // A search term that is a tag also finds artifacts tagged with it (GIN, BitmapOr with the rest).
  const qTag = tagFromUrl(q);
  const top = database
    .select({ id: artifacts.id })
    .from(artifacts)
    .where(
      and(
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
      ),
    )
    .orderBy(sql`${spec.column} desc`, desc(artifacts.id))
    .limit(limit + 1)
    .as("top");
  return database
    .select({ ...cardSelection(viewerId), cursorKey: spec.keyText })
    .from(top)
    .innerJoin(artifacts, eq(artifacts.id, top.id))
    .leftJoin(profiles, eq(profiles.userId, artifacts.ownerUserId))
    .leftJoin(artifactMedia, eq(artifactMedia.artifactId, artifacts.id))
    .orderBy(sql`${spec.column} desc`, desc(artifacts.id));
}

/**
 * How long a search may take before it is answered "too broad" (a sentence asking for another
 * word) instead of running into the statement timeout and a 500.
 */
export const SEARCH_BUDGET_MS = 1500;

export async function listGallery(params: GalleryQuery): Promise<GalleryPage> {
  const limit = params.limit ?? GALLERY_PAGE_SIZE;
  // The weekly figure drops the day that left the window once per process per day (views.ts).
  if (params.sort === "viewed" && !params.database) await ensureViewDay();
  const rows = params.q ? await boundedSearch(params) : await galleryQuery(params);
  if (rows === "too-broad") return { items: [], nextCursor: null, tooBroad: true };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(({ cursorKey: _k, ...card }) => card),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ key: last.cursorKey, id: last.id }) : null,
  };
}

/**
 * A search under its own statement timeout. A term that matches a large part of the site through
 * the trigram index ("bench", "a") is rechecked row by row; past the budget PostgreSQL cancels it
 * (57014) and the caller says "too broad" — the connection goes straight back to the pool.
 */
async function boundedSearch(params: GalleryQuery) {
  const database = params.database ?? db;
  try {
    return await database.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local statement_timeout = ${SEARCH_BUDGET_MS}`));
      return galleryQuery({ ...params, database: tx as unknown as Database });
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
