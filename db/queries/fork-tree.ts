import "server-only";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/index";
import { artifacts, profiles } from "@/db/schema";
import { decodeCursor, decodeTypedCursor, encodeCursor } from "@/domain/cursor";
import { ANCESTOR_ENDS } from "@/domain/fork-tree";
import { unlistedForksVisibleTo } from "./fork-counts";
import { artifactsAs, visibleTo } from "./visibility";

// The fork tree: nodes, the ancestor chain above one, its children page by page, and the counts of
// visible descendants. Every node is named only if visibleTo() lets this viewer see it.

/** A node as the tree shows it: no code, dates as ISO strings (it travels as JSON). */
export type TreeNode = {
  id: string;
  title: string;
  ownerHandle: string | null;
  visibility: "public" | "private";
  forkedFromVersionLabel: string | null;
  createdAt: string;
  likesCount: number;
  forksCount: number;
};

/** The one recursive CTE of the ancestor chain (exported so the benchmark can EXPLAIN it). */
export function ancestorChainSql({
  artifactId,
  viewerId,
}: {
  artifactId: string;
  viewerId: string | null;
}): SQL {
  // The walk carries the columns the page shows, so each ancestor costs one primary-key lookup and
  // nothing else (owners' handles are looked up afterwards for the few entries shown unfolded).
  return sql`
    with recursive chain as (
      select a.id, a.forked_from_id, a.title, a.visibility, a.owner_user_id, a.forked_from_version_label,
             a.created_at, a.likes_count, a.public_forks_count as forks_count, 0 as depth, a.hidden_at
        from artifacts a where a.id = ${artifactId}::uuid
      union all
      select a.id, a.forked_from_id, a.title, a.visibility, a.owner_user_id, a.forked_from_version_label,
             a.created_at, a.likes_count, a.public_forks_count as forks_count, c.depth + 1, a.hidden_at
        from chain c join artifacts a on a.id = c.forked_from_id
       where c.depth < 5000
    )
    select c.depth, c.id, ${visibleTo(artifactsAs("c"), viewerId)} as visible,
           case when ${visibleTo(artifactsAs("c"), viewerId)} then c.title end as title,
           case when ${visibleTo(artifactsAs("c"), viewerId)} then c.owner_user_id end as owner_user_id,
           c.visibility, c.forked_from_version_label,
           to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at, c.likes_count, c.forks_count
      from chain c
     where c.depth > 0
     order by c.depth`;
}

export type AncestorEntry = { depth: number } & (
  { visible: true; node: TreeNode } | { visible: false; id: string }
);

/**
 * The chain from an artifact up to the root of its lineage, nearest first, in one recursive CTE on
 * forked_from_id (500 primary-key lookups for a depth-500 fork). Ancestors the viewer may not see
 * are returned without anything but their position.
 */
export async function getAncestorChain({
  artifactId,
  viewerId,
}: {
  artifactId: string;
  viewerId: string | null;
}): Promise<AncestorEntry[]> {
  const result = await db.execute<{
    depth: number;
    id: string;
    visible: boolean;
    title: string | null;
    owner_user_id: string | null;
    visibility: "public" | "private";
    forked_from_version_label: string | null;
    created_at: string;
    likes_count: number;
    forks_count: number;
  }>(ancestorChainSql({ artifactId, viewerId }));
  const rows = result.rows;
  // Handles only for the entries a long chain shows unfolded: the nearest and the top ones.
  // (plus the highest one the viewer may see: the fork tree starts there).
  const highest = [...rows].reverse().find((r) => r.visible);
  const shown =
    rows.length > ANCESTOR_ENDS.top + ANCESTOR_ENDS.bottom
      ? [
          ...rows.slice(0, ANCESTOR_ENDS.bottom),
          ...rows.slice(-ANCESTOR_ENDS.top),
          ...(highest ? [highest] : []),
        ]
      : rows;
  const ownerIds = [...new Set(shown.flatMap((r) => (r.owner_user_id ? [r.owner_user_id] : [])))];
  const handles = new Map(
    ownerIds.length
      ? (
          await db
            .select({ id: profiles.userId, handle: profiles.handle })
            .from(profiles)
            .where(inArray(profiles.userId, ownerIds))
        ).map((p) => [p.id, p.handle])
      : [],
  );
  const shownIds = new Set(shown.map((r) => r.id));
  return rows.map((r) =>
    r.visible
      ? {
          depth: r.depth,
          visible: true,
          node: {
            id: r.id,
            title: r.title!,
            ownerHandle:
              shownIds.has(r.id) && r.owner_user_id ? (handles.get(r.owner_user_id) ?? null) : null,
            visibility: r.visibility,
            forkedFromVersionLabel: r.forked_from_version_label,
            createdAt: r.created_at,
            likesCount: r.likes_count,
            forksCount: r.forks_count,
          },
        }
      : { depth: r.depth, visible: false, id: r.id },
  );
}

/** A node's columns; its fork count is what this viewer may see (fork-counts.ts). */
const nodeColumns = (viewerId: string | null) => ({
  id: artifacts.id,
  title: artifacts.title,
  ownerHandle: profiles.handle,
  visibility: artifacts.visibility,
  forkedFromVersionLabel: artifacts.forkedFromVersionLabel,
  createdAt: sql<string>`to_char(${artifacts.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  likesCount: artifacts.likesCount,
  forksCount: sql<number>`(${artifacts.publicForksCount} + ${unlistedForksVisibleTo(sql`${artifacts.id}`, viewerId)})::int`,
  cursorKey: sql<string>`to_char(${artifacts.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
});

/** One node of the tree, if the viewer may see it, with the origin its lineage counts under. */
export async function getTreeNode({
  id,
  viewerId,
}: {
  id: string;
  viewerId: string | null;
}): Promise<(TreeNode & { originArtifactId: string | null }) | null> {
  const [row] = await db
    .select({ ...nodeColumns(viewerId), originArtifactId: artifacts.originArtifactId })
    .from(artifacts)
    .leftJoin(profiles, eq(profiles.userId, artifacts.ownerUserId))
    .where(and(eq(artifacts.id, id), visibleTo(artifacts, viewerId)))
    .limit(1);
  if (!row) return null;
  const { cursorKey: _c, ...node } = row;
  return node;
}

export type ChildSort = "date" | "likes";
export const CHILDREN_PAGE = 20;

export type ChildrenPage = {
  items: TreeNode[];
  nextCursor: string | null;
  /** First page only: how many direct forks the viewer may see. */
  visibleCount?: number;
};

/** One keyset page (+1 row) of direct forks the viewer may see; a builder, so it can be EXPLAINed. */
export function forkChildrenQuery({
  parentId,
  viewerId,
  sort,
  cursor,
  limit,
}: {
  parentId: string;
  viewerId: string | null;
  sort: ChildSort;
  cursor?: string | null;
  limit: number;
}) {
  const after = decodeTypedCursor(cursor, sort === "likes" ? "int4" : "timestamptz");
  const keyset = !after
    ? undefined
    : sort === "likes"
      ? sql`(${artifacts.likesCount}, ${artifacts.id}) < (${Number(after.key)}::int, ${after.id}::uuid)`
      : sql`(${artifacts.createdAt}, ${artifacts.id}) < (${after.key}::timestamptz, ${after.id}::uuid)`;
  return db
    .select(nodeColumns(viewerId))
    .from(artifacts)
    .leftJoin(profiles, eq(profiles.userId, artifacts.ownerUserId))
    .where(and(eq(artifacts.forkedFromId, parentId), visibleTo(artifacts, viewerId), keyset))
    .orderBy(
      ...(sort === "likes"
        ? [desc(artifacts.likesCount), desc(artifacts.id)]
        : [desc(artifacts.createdAt), desc(artifacts.id)]),
    )
    .limit(limit + 1);
}

/**
 * How many direct forks the viewer may see. Forks they may not see are absent, not counted as
 * "hidden": private means absent in counts too (issue 12, item 8). The forks anyone may see are
 * counted on the parent by triggers (public_forks_count, 007/013), plus the viewer's own unlisted
 * ones (fork-counts.ts). The recount visited every fork of the parent on each view.
 */
export function childCountsQuery({
  parentId,
  viewerId,
}: {
  parentId: string;
  viewerId: string | null;
}) {
  const unlisted = unlistedForksVisibleTo(sql`${parentId}`, viewerId);
  return db
    .select({ visible: sql<number>`(${artifacts.publicForksCount} + ${unlisted})::int` })
    .from(artifacts)
    .where(and(eq(artifacts.id, parentId), visibleTo(artifacts, viewerId)));
}

/**
 * A page of an artifact's direct forks the viewer may see, keyset-paginated on (created_at, id) or
 * (likes_count, id) — both served by an index on forked_from_id. null when the parent itself is
 * not visible (the route answers 404).
 */
export async function getForkChildren({
  parentId,
  viewerId,
  sort = "date",
  cursor,
  limit = CHILDREN_PAGE,
}: {
  parentId: string;
  viewerId: string | null;
  sort?: ChildSort;
  cursor?: string | null;
  limit?: number;
}): Promise<ChildrenPage | null> {
  const after = decodeCursor(cursor);
  const [visible, rows, counts] = await Promise.all([
    db
      .select({ id: artifacts.id })
      .from(artifacts)
      .where(and(eq(artifacts.id, parentId), visibleTo(artifacts, viewerId))),
    forkChildrenQuery({ parentId, viewerId, sort, cursor, limit }),
    after ? Promise.resolve(null) : childCountsQuery({ parentId, viewerId }),
  ]);
  if (!visible.length) return null;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({
          key: sort === "likes" ? String(last.likesCount) : last.cursorKey,
          id: last.id,
        })
      : null;
  return {
    items: page.map(({ cursorKey: _c, ...node }) => node),
    nextCursor,
    ...(counts?.[0] ? { visibleCount: counts[0].visible } : {}),
  };
}

/**
 * How many artifacts of a lineage the viewer may see. The members anyone may see are counted on the
 * origin row by triggers (public_lineage_count, 019_bounded_queries.sql); a signed-in viewer adds
 * the members that are not public-and-unhidden but visible to them (their own private forks, and
 * hidden ones for moderators), read from a partial index that holds only those rows. Anonymous
 * views read one row; the recount was an 18k-row scan per view on the benchmark's tree.
 */
export function countVisibleDescendantsQuery({
  originId,
  viewerId,
}: {
  originId: string;
  viewerId: string | null;
}) {
  const unlisted = viewerId
    ? sql`(select count(*) from ${artifacts} u where u.origin_artifact_id = ${originId}
        and not (u.visibility = 'public' and u.hidden_at is null)
        and ${visibleTo(artifactsAs("u"), viewerId)})`
    : sql`0`;
  return db
    .select({ n: sql<number>`(${artifacts.publicLineageCount} + ${unlisted})::int` })
    .from(artifacts)
    .where(eq(artifacts.id, originId));
}

export async function countVisibleDescendants({
  originId,
  viewerId,
}: {
  originId: string;
  viewerId: string | null;
}) {
  const [row] = await countVisibleDescendantsQuery({ originId, viewerId });
  return row?.n ?? 0;
}
