import "server-only";
import { getMediaForViewer } from "@/db/queries/media";
import { getVersionForViewer } from "@/db/queries/version-history";
import type { EmbedTarget } from "@/domain/embed";

/**
 * What an embed (the /embed page and oEmbed) shows: one version of a public artifact, read as an
 * anonymous visitor whoever asks — an embed lives on other people's sites, so private artifacts,
 * and old versions whose history is hidden, are not found even for their owner. Null = 404.
 */
export async function loadEmbed(target: EmbedTarget) {
  const [data, thumb] = await Promise.all([
    getVersionForViewer({
      artifactId: target.artifactId,
      versionIndex: target.versionIndex,
      viewerId: null,
    }),
    getMediaForViewer({ artifactId: target.artifactId, viewerId: null, kind: "thumb" }),
  ]);
  if (!data) return null;
  // The stored thumbnail shows the current version; a pinned older one gets none.
  return { data, hasThumbnail: thumb !== null && data.isCurrent };
}

export type EmbedData = NonNullable<Awaited<ReturnType<typeof loadEmbed>>>;
