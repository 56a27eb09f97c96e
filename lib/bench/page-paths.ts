// The database work of each public page, as the page does it: the same db/queries functions, in
// the same order and with the same Promise.all groups as app/(public)/…/page.tsx and
// lib/loaders/artifact.ts, for an anonymous viewer. `npm run bench:scale` times these on the
// benchmark dataset against the demo data. Each returns how many rows it got, so a benchmark that
// times an empty answer shows it.
import { getDiffSides, listVersionOptions } from "@/db/queries/diff";
import { listComments } from "@/db/queries/comments";
import {
  countVisibleDescendants,
  getAncestorChain,
  getForkChildren,
  getTreeNode,
} from "@/db/queries/fork-tree";
import { listGallery } from "@/db/queries/gallery";
import { viewerLikes } from "@/db/queries/likes";
import { getHistoryBoundary, getLineageForViewer, getUpstreamStatus } from "@/db/queries/lineage";
import { getProfileByHandle, getProfileStats, listProfileArtifacts } from "@/db/queries/profiles";
import { listSitemapChunk, listSitemapChunks } from "@/db/queries/sitemap";
import { getVersionForViewer, listVersions } from "@/db/queries/version-history";
import { visibleArtifactTitles } from "@/db/queries/artifacts";
import type { GallerySort } from "@/domain/gallery/params";

const viewerId = null;

/** `/` and `/?q=…&language=…`: one gallery page. */
export async function explorePage(q: { sort: GallerySort; language?: string; q?: string }) {
  const page = await listGallery(q);
  if (page.tooBroad) throw new Error(`search ${JSON.stringify(q)} was answered "too broad"`);
  return page.items.length;
}

/** `/u/<handle>`: the profile row, then its counts and the first page of its artifacts. */
export async function profilePage(handle: string) {
  const profile = await getProfileByHandle(handle);
  if (!profile) throw new Error(`no profile @${handle}`);
  const [stats, page] = await Promise.all([
    getProfileStats(profile.userId),
    listProfileArtifacts({
      ownerUserId: profile.userId,
      viewerId,
      tab: "artifacts",
      sort: "newest",
    }),
  ]);
  return page.items.length + (stats.publicArtifacts > 0 ? 1 : 0);
}

/** `/a/<id>`: loadVersion, loadArtifactSocial and loadArtifactLineage, in parallel. */
export async function artifactPage(artifactId: string) {
  const [[data, recent], [, comments], [lineage]] = await Promise.all([
    Promise.all([
      getVersionForViewer({ artifactId, viewerId }),
      listVersions({ artifactId, viewerId, limit: 15 }),
    ]),
    Promise.all([
      viewerLikes({ userId: viewerId, artifactId }),
      listComments({ artifactId, viewerId, order: "newest", cursor: null }),
    ]),
    Promise.all([
      getLineageForViewer({ artifactId, viewerId }),
      getUpstreamStatus({ artifactId, viewerId }),
    ]),
  ]);
  if (!data) throw new Error(`artifact ${artifactId} not visible`);
  return 1 + (recent?.items.length ?? 0) + (comments?.items.length ?? 0) + (lineage ? 1 : 0);
}

/** `/a/<id>/versions`: the first history page, import titles and the fork boundary. */
export async function versionsPage(artifactId: string) {
  const page = await listVersions({ artifactId, viewerId });
  if (!page) throw new Error(`history of ${artifactId} not visible`);
  const importIds = page.items.flatMap((i) => (i.source?.artifactId ? [i.source.artifactId] : []));
  await Promise.all([
    visibleArtifactTitles({ ids: importIds, viewerId }),
    page.nextCursor ? null : getHistoryBoundary({ artifactId, viewerId }),
  ]);
  return page.items.length;
}

/** `/a/<id>/diff`: both sides (the latest version against the one before) and the range picker. */
export async function diffPage(artifactId: string) {
  const sides = await getDiffSides({ artifactId, from: null, to: null, viewerId });
  if (!sides) throw new Error(`diff of ${artifactId} not visible`);
  const options = await listVersionOptions({ artifactId, viewerId });
  return 2 + options.length;
}

/** `/a/<id>/forks`: node and ancestors, then the children pages and the lineage count. */
export async function forksPage(id: string) {
  const [found, ancestors] = await Promise.all([
    getTreeNode({ id, viewerId }),
    getAncestorChain({ artifactId: id, viewerId }),
  ]);
  if (!found) throw new Error(`fork node ${id} not visible`);
  const highest = [...ancestors].reverse().find((a) => a.visible);
  const rootId = highest?.visible ? highest.node.id : found.id;
  const originId = found.originArtifactId ?? (ancestors.length === 0 ? found.id : null);
  const [rootChildren, , total] = await Promise.all([
    getForkChildren({ parentId: rootId, viewerId, sort: "date" }),
    rootId === found.id ? null : getForkChildren({ parentId: found.id, viewerId, sort: "date" }),
    originId ? countVisibleDescendants({ originId, viewerId }) : null,
  ]);
  return (rootChildren?.items.length ?? 0) + ((total ?? 0) > 0 ? 1 : 0);
}

/** `/sitemaps/a-<prefix>.xml`: what the chunk route reads (the index names the prefixes). */
export async function sitemapChunk(prefix: string) {
  return (await listSitemapChunk({ kind: "a", prefix })).length;
}

/** The first artifact chunk `/sitemap.xml` lists on this database (planner estimates, no scan). */
export async function firstSitemapPrefix() {
  const first = (await listSitemapChunks()).find((c) => c.kind === "a");
  if (!first) throw new Error("no sitemap chunk");
  return first.prefix;
}
