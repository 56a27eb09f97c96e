import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getVersionForViewer, listVersions } from "@/db/queries/versions";
import { getViewer } from "@/lib/auth/viewer";
import { parseId } from "@/domain/ids";
import { parseVersionIndex } from "@/domain/versions";

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
  return { data, recent: recent ? { items: recent.items, more: recent.nextCursor !== null } : null, viewer };
});
