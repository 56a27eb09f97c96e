import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { listComments, type CommentOrder } from "@/db/queries/comments";
import { viewerLikes } from "@/db/queries/likes";
import { getLineageForViewer, getUpstreamStatus } from "@/db/queries/lineage";
import { getVersionForViewer, listVersions } from "@/db/queries/version-history";
import { getViewer } from "@/lib/auth/viewer";
import { parseId } from "@/domain/ids";
import { parseVersionIndex } from "@/domain/versions";
import { renderCommentsPage } from "@/lib/markdown/comments";

const PICKER_SIZE = 15;

/**
 * What the artifact and version pages show, for this viewer; notFound() for anything they may not
 * see. Memoised per request so generateMetadata and the page share one query.
 */
export const loadVersion = cache(async (rawId: string, rawIndex?: string) => {
  const id = parseId(rawId);
  const index = rawIndex === undefined ? undefined : parseVersionIndex(rawIndex);
  if (!id || index === null) notFound();
  const viewer = await getViewer();
  const viewerId = viewer?.id ?? null;
  const [data, recent] = await Promise.all([
    getVersionForViewer({ artifactId: id, versionIndex: index, viewerId }),
    // Null when the viewer may not see the history: then there is no picker.
    listVersions({ artifactId: id, viewerId, limit: PICKER_SIZE }),
  ]);
  if (!data) notFound();
  return {
    data,
    recent: recent ? { items: recent.items, more: recent.nextCursor !== null } : null,
    viewer,
  };
});

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The artifact page's social block for this viewer: whether they like it, and the first page of
 * comments in the order the URL asks for (`?comments=oldest&ccursor=` is the no-JS state).
 */
export async function loadArtifactSocial(rawId: string, searchParams: SearchParams) {
  // Runs beside loadVersion (which answers 404 for a bad id or an artifact the viewer may not see);
  // both queries below check visibility again in SQL, so nothing leaks if it runs first.
  const artifactId = parseId(rawId);
  const order: CommentOrder = searchParams.comments === "oldest" ? "oldest" : "newest";
  const cursor = typeof searchParams.ccursor === "string" ? searchParams.ccursor : null;
  const viewer = await getViewer();
  const viewerId = viewer?.id ?? null;
  if (!artifactId) return { liked: false, comments: null, signedIn: viewerId !== null };
  const [liked, comments] = await Promise.all([
    viewerLikes({ userId: viewerId, artifactId }),
    listComments({ artifactId, viewerId, order, cursor }),
  ]);
  return {
    liked,
    comments: comments && { page: renderCommentsPage(comments), order, cursor },
    signedIn: viewerId !== null,
  };
}

/**
 * The artifact page's lineage line and, on the current version only, its upstream panel (compare,
 * sync). Runs beside loadVersion like loadArtifactSocial: both queries check visibility in SQL.
 */
export async function loadArtifactLineage(rawId: string, { upstream }: { upstream: boolean }) {
  const artifactId = parseId(rawId);
  if (!artifactId) return { lineage: null, upstream: null };
  const viewerId = (await getViewer())?.id ?? null;
  const [lineage, status] = await Promise.all([
    getLineageForViewer({ artifactId, viewerId }),
    upstream ? getUpstreamStatus({ artifactId, viewerId }) : null,
  ]);
  return { lineage, upstream: status };
}
