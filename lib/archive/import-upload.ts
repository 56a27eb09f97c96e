import "server-only";
import { importArchive } from "@/db/queries/archive-import";
import { parseImportArchive } from "./parse-import";
import { ArchiveRefusal } from "./read-zip";

export type ImportOutcome =
  { status: "imported"; id: string; versions: number } | { status: "refused"; message: string };

/**
 * An uploaded Vitrine zip → a new artifact of the importer's, or the one sentence that says why not.
 * Everything is checked before the one transaction starts (db/queries/archive-import.ts), so a
 * refusal leaves no row and no object behind.
 */
export async function importUploadedArchive(input: {
  ownerUserId: string;
  bytes: Uint8Array;
  fileName: string;
  /** The original id of one artifact of an account zip. */
  pick?: string | null;
}): Promise<ImportOutcome> {
  let parsed;
  try {
    parsed = parseImportArchive(input.bytes, input.pick ?? null);
  } catch (err) {
    if (err instanceof ArchiveRefusal) return { status: "refused", message: err.message };
    throw err;
  }
  const { id, versions } = await importArchive({
    ownerUserId: input.ownerUserId,
    manifest: parsed.manifest,
    code: parsed.code,
    fileName: input.fileName,
    fileSha256: parsed.fileSha256,
  });
  return { status: "imported", id, versions };
}
