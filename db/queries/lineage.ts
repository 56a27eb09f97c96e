import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/index";
import { versionName } from "@/domain/versions";
import { unlistedForksVisibleTo } from "./fork-counts";
import { artifactsAs, historyVisibleTo, visibleTo } from "./visibility";

// Reads of the fork lineage: the lineage line, the ancestor chain, a node's children, upstream
// status. Everything goes through visibleTo(): an artifact the viewer may not see is never named.

export type LinkedArtifact = { id: string; title: string; ownerHandle: string | null };
export type LineageRef =
  ({ state: "visible" } & LinkedArtifact) | { state: "private" } | { state: "deleted" };

export type Lineage = {
  id: string;
  forksCount: number;
  /** null when the artifact is not a fork. */
  parent: (LineageRef & { versionLabel: string | null }) | null;
  /** Only when the origin is not the parent itself. */
  origin: LineageRef | null;
};

/** The lineage line of an artifact the viewer may see (null otherwise). Two PK lookups, one query. */
export async function getLineageForViewer({
  artifactId,
  viewerId,
}: {
  artifactId: string;
  viewerId: string | null;
}): Promise<Lineage | null> {
  const result = await db.execute<{
    id: string;
    forks_count: number;
    forked_from_id: string | null;
    forked_from_version_label: string | null;
    forked_from_owner_user_id: string | null;
    origin_artifact_id: string | null;
    origin_owner_user_id: string | null;
    p_id: string | null;
    p_title: string | null;
    p_visible: boolean | null;
    p_handle: string | null;
    o_id: string | null;
    o_title: string | null;
    o_visible: boolean | null;
    o_handle: string | null;
  }>(sql`
    select a.id, (a.public_forks_count + ${unlistedForksVisibleTo(sql`a.id`, viewerId)})::int as forks_count, a.forked_from_id, a.forked_from_version_label, a.forked_from_owner_user_id,
           a.origin_artifact_id, a.origin_owner_user_id,
           p.id as p_id, p.title as p_title, ${visibleTo(artifactsAs("p"), viewerId)} as p_visible, pp.handle as p_handle,
           o.id as o_id, o.title as o_title, ${visibleTo(artifactsAs("o"), viewerId)} as o_visible, op.handle as o_handle
      from artifacts a
      left join artifacts p on p.id = a.forked_from_id
      left join profiles pp on pp.user_id = p.owner_user_id
      left join artifacts o on o.id = a.origin_artifact_id
      left join profiles op on op.user_id = o.owner_user_id
     where a.id = ${artifactId}::uuid and ${visibleTo(artifactsAs("a"), viewerId)}`);
  const r = result.rows[0];
  if (!r) return null;
  // A parent that was deleted leaves forked_from_id null (ON DELETE SET NULL) but the stored label.
  const wasFork =
    r.forked_from_id !== null ||
    r.forked_from_version_label !== null ||
    r.forked_from_owner_user_id !== null;
  const ref = (
    id: string | null,
    title: string | null,
    visible: boolean | null,
    handle: string | null,
  ): LineageRef =>
    !id
      ? { state: "deleted" }
      : visible
        ? { state: "visible", id, title: title!, ownerHandle: handle }
        : { state: "private" };
  const parent = wasFork
    ? {
        ...ref(r.p_id, r.p_title, r.p_visible, r.p_handle),
        versionLabel: r.forked_from_version_label,
      }
    : null;
  let origin: LineageRef | null = null;
  if (wasFork && r.origin_artifact_id && r.origin_artifact_id !== r.forked_from_id) {
    origin = ref(r.o_id, r.o_title, r.o_visible, r.o_handle);
  } else if (r.forked_from_id && !r.origin_artifact_id && r.origin_owner_user_id) {
    origin = { state: "deleted" }; // the parent still exists, so the lost origin was another artifact
  }
  return { id: r.id, forksCount: r.forks_count, parent, origin };
}

export type UpstreamStatus = {
  parent: LinkedArtifact & { currentIndex: number | null; historyVisible: boolean };
  /** The parent version the fork came from, if it still exists. */
  forkedFromIndex: number | null;
  /** The newest parent version this artifact already has (forked from or imported since). */
  baselineIndex: number | null;
  newerCount: number;
  currentIndex: number | null;
  isOwner: boolean;
};

/** Where a fork stands against its parent; null when it is not a fork or the parent is not visible. */
export async function getUpstreamStatus({
  artifactId,
  viewerId,
}: {
  artifactId: string;
  viewerId: string | null;
}): Promise<UpstreamStatus | null> {
  const result = await db.execute<{
    p_id: string;
    p_title: string;
    p_handle: string | null;
    p_current: number | null;
    p_history: boolean;
    forked_index: number | null;
    imported_index: number | null;
    current_index: number | null;
    is_owner: boolean;
  }>(sql`
    select p.id as p_id, p.title as p_title, pp.handle as p_handle, pc.version_index as p_current,
           ${historyVisibleTo(artifactsAs("p"), viewerId)} as p_history,
           fv.version_index as forked_index,
           (select max(sv.version_index)
              from artifact_versions v
              join artifact_versions sv on sv.id = (v.version_metadata -> 'source' ->> 'version_id')::uuid
             where v.artifact_id = a.id and v.version_metadata -> 'source' ->> 'kind' = 'import'
               and sv.artifact_id = p.id) as imported_index,
           ac.version_index as current_index,
           ${viewerId ? sql`a.owner_user_id = ${viewerId}::uuid` : sql`false`} as is_owner
      from artifacts a
      join artifacts p on p.id = a.forked_from_id
      left join profiles pp on pp.user_id = p.owner_user_id
      left join artifact_versions pc on pc.id = p.current_version_id
      left join artifact_versions fv on fv.id = a.forked_from_version_id and fv.artifact_id = p.id
      left join artifact_versions ac on ac.id = a.current_version_id
     where a.id = ${artifactId}::uuid and ${visibleTo(artifactsAs("a"), viewerId)} and ${visibleTo(artifactsAs("p"), viewerId)}`);
  const r = result.rows[0];
  if (!r) return null;
  const baseline = Math.max(r.forked_index ?? 0, r.imported_index ?? 0) || null;
  return {
    parent: {
      id: r.p_id,
      title: r.p_title,
      ownerHandle: r.p_handle,
      currentIndex: r.p_current,
      historyVisible: r.p_history,
    },
    forkedFromIndex: r.forked_index,
    baselineIndex: baseline,
    newerCount: r.p_current && baseline ? Math.max(0, r.p_current - baseline) : 0,
    currentIndex: r.current_index,
    isOwner: r.is_owner,
  };
}

export type HistoryBoundary = {
  parent: NonNullable<Lineage["parent"]>;
  upstream: UpstreamStatus | null;
};

/** The artifact's version-1 parent link, for the end of its history ("forked from v3 of …"). */
export async function getHistoryBoundary({
  artifactId,
  viewerId,
}: {
  artifactId: string;
  viewerId: string | null;
}): Promise<HistoryBoundary | null> {
  const [lineage, upstream] = await Promise.all([
    getLineageForViewer({ artifactId, viewerId }),
    getUpstreamStatus({ artifactId, viewerId }),
  ]);
  if (!lineage?.parent) return null;
  return { parent: lineage.parent, upstream };
}

/**
 * What the fork form shows: the artifact and the version about to be forked, under the same rules
 * as the fork itself (an old version only for those who may see the history).
 */
export async function getForkSource({
  artifactId,
  versionIndex,
  viewerId,
}: {
  artifactId: string;
  versionIndex: number | null;
  viewerId: string | null;
}) {
  const result = await db.execute<{
    title: string;
    handle: string | null;
    version_index: number;
    label: string | null;
  }>(sql`
    select a.title, p.handle, v.version_index, v.label
      from artifacts a
      left join profiles p on p.user_id = a.owner_user_id
      join artifact_versions v on ${versionIndex ? sql`v.artifact_id = a.id and v.version_index = ${versionIndex}` : sql`v.id = a.current_version_id`}
     where a.id = ${artifactId}::uuid and ${visibleTo(artifactsAs("a"), viewerId)}
       and (v.id = a.current_version_id or ${historyVisibleTo(artifactsAs("a"), viewerId)})`);
  const r = result.rows[0];
  if (!r) return null;
  return {
    title: r.title,
    ownerHandle: r.handle,
    versionIndex: r.version_index,
    versionLabel: versionName({ label: r.label, versionIndex: r.version_index }),
  };
}
