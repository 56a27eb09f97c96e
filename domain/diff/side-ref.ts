import { parseId } from "@/domain/ids";
import { parseVersionIndex } from "@/domain/versions";

/**
 * One side of a diff as written in the URL: `3` is version 3 of the artifact being viewed,
 * `<artifact uuid>:3` is version 3 of another artifact (compare a fork with its upstream).
 */
export type SideRef = { artifactId: string | null; index: number };

/** undefined/empty → null (use the default); anything malformed → "invalid" (a 404, never a 500). */
export function parseSideRef(value: string | string[] | undefined): SideRef | null | "invalid" {
  if (value === undefined || value === "") return null;
  if (Array.isArray(value)) return "invalid";
  const colon = value.lastIndexOf(":");
  const indexText = colon === -1 ? value : value.slice(colon + 1);
  const index = parseVersionIndex(indexText);
  if (index === null) return "invalid";
  if (colon === -1) return { artifactId: null, index };
  const artifactId = parseId(value.slice(0, colon));
  return artifactId ? { artifactId, index } : "invalid";
}

/** The URL form of a side, relative to the artifact being viewed. */
export function formatSideRef(
  side: { artifactId: string; versionIndex: number },
  viewedArtifactId: string,
): string {
  return side.artifactId === viewedArtifactId
    ? String(side.versionIndex)
    : `${side.artifactId}:${side.versionIndex}`;
}
