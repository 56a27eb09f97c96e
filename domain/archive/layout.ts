import { languageInfo } from "@/domain/languages";

// The layout of a Vitrine zip (README "Export and import"). Pure: the exporter writes these names, the
// importer reads them, and the entry-name rule below decides what an archive may contain at all.

/** The manifest of one artifact, at the root of an artifact zip or of its folder in an account zip. */
export const ARTIFACT_MANIFEST = "vitrine.json";
/** The manifest of an account zip, at its root. */
export const ACCOUNT_MANIFEST = "vitrine-account.json";

export const ARTIFACT_FORMAT = "vitrine.artifact";
export const ACCOUNT_FORMAT = "vitrine.account";
export const FORMAT_VERSION = 1;

/** The file holding one version's code: `versions/v3.html` (extension from the language registry). */
export function versionFileName(versionIndex: number, language: string): string {
  return `versions/v${versionIndex}.${languageInfo(language).extension}`;
}

/** The folder of one artifact inside an account zip. */
export function accountArtifactFolder(artifactId: string): string {
  return `artifacts/${artifactId}/`;
}

/** A file name for a download: the title as a lower-case slug, never empty. */
export function downloadSlug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "artifact"
  );
}

const MAX_ENTRY_NAME = 255;
// C0/C1 controls and DEL: no legitimate file name carries them.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Why an entry name is refused, or null when it is safe: relative, forward slashes only, no `.` or
 * `..` segment, no empty segment, no drive letter, no control character. Checked on every entry of
 * an archive before anything is inflated, so one hostile name refuses the whole archive.
 */
export function unsafeEntryReason(name: string): string | null {
  const shown = JSON.stringify(name.slice(0, 80));
  if (name.length === 0) return "The archive has an entry with an empty name.";
  if (name.length > MAX_ENTRY_NAME)
    return `The archive has an entry name longer than ${MAX_ENTRY_NAME} characters.`;
  if (CONTROL.test(name)) return `The archive entry ${shown} has a control character in its name.`;
  if (name.includes("\\"))
    return `The archive entry ${shown} uses a backslash; Vitrine archives use forward slashes only.`;
  if (name.startsWith("/") || /^[a-zA-Z]:/.test(name))
    return `The archive entry ${shown} is an absolute path; every entry must be relative.`;
  const segments = (name.endsWith("/") ? name.slice(0, -1) : name).split("/");
  if (segments.some((s) => s === ".." || s === "."))
    return `The archive entry ${shown} points outside the archive (a "." or ".." segment).`;
  if (segments.some((s) => s === ""))
    return `The archive entry ${shown} has an empty path segment.`;
  return null;
}
