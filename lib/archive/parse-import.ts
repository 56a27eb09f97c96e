import "server-only";
import { createHash } from "node:crypto";
import { ACCOUNT_MANIFEST, ARTIFACT_MANIFEST, unsafeEntryReason } from "@/domain/archive/layout";
import { codeSchema, LIMITS } from "@/domain/validation/artifact";
import {
  accountManifestSchema,
  ARCHIVE_LIMITS,
  CODE_TOO_BIG,
  parseArtifactManifest,
  type ArtifactManifest,
} from "@/domain/validation/archive";
import { ArchiveRefusal, openZip, type ZipReader } from "./read-zip";

// From uploaded bytes to what db/queries/archive-import.ts writes: the manifest and each version's
// code, every limit checked, or an ArchiveRefusal with one sentence. Writes nothing.

export type ParsedImport = {
  manifest: ArtifactManifest;
  /** Code by version number. */
  code: Map<number, string>;
  fileSha256: string;
};

const utf8 = new TextDecoder("utf-8", { fatal: true });

function decode(bytes: Uint8Array, what: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ArchiveRefusal(`${what} is not valid UTF-8 text.`);
  }
}

function readText(zip: ZipReader, name: string, maxBytes: number, tooBig: string): string | null {
  const bytes = zip.inflate(new Map([[name, { maxBytes, tooBig }]])).get(name);
  return bytes ? decode(bytes, name) : null;
}

/** The folder of the artifact to import: the root of an artifact zip, or one artifact of an account zip. */
function artifactFolder(zip: ZipReader, pick: string | null): string {
  if (zip.names.includes(ARTIFACT_MANIFEST)) return "";
  if (!zip.names.includes(ACCOUNT_MANIFEST))
    throw new ArchiveRefusal("This is not a Vitrine archive: it has no vitrine.json.");
  const text = readText(
    zip,
    ACCOUNT_MANIFEST,
    ARCHIVE_LIMITS.manifestBytes,
    `${ACCOUNT_MANIFEST} is too big.`,
  );
  let json: unknown;
  try {
    json = JSON.parse(text ?? "");
  } catch {
    throw new ArchiveRefusal(`${ACCOUNT_MANIFEST} is not valid JSON.`);
  }
  const parsed = accountManifestSchema.safeParse(json);
  if (!parsed.success)
    throw new ArchiveRefusal(`${ACCOUNT_MANIFEST} is not a valid Vitrine account manifest.`);
  const list = parsed.data.artifacts;
  if (list.length === 0) throw new ArchiveRefusal("This account export holds no artifacts.");
  const chosen = pick ? list.find((a) => a.id === pick) : list.length === 1 ? list[0] : undefined;
  if (!chosen)
    throw new ArchiveRefusal(
      pick
        ? `This account export has no artifact with the id ${pick}.`
        : `This account export holds ${list.length} artifacts: give the id of the one to import (they are listed in ${ACCOUNT_MANIFEST}).`,
    );
  const folder = chosen.folder.endsWith("/") ? chosen.folder : `${chosen.folder}/`;
  if (unsafeEntryReason(folder) || !zip.names.includes(`${folder}${ARTIFACT_MANIFEST}`))
    throw new ArchiveRefusal(
      `The account export has no ${ARTIFACT_MANIFEST} for artifact ${chosen.id}.`,
    );
  return folder;
}

/** Parses an uploaded archive; `pick` is the original id of one artifact in an account zip. */
export function parseImportArchive(bytes: Uint8Array, pick: string | null = null): ParsedImport {
  const zip = openZip(bytes);
  const folder = artifactFolder(zip, pick);
  const manifestText = readText(
    zip,
    `${folder}${ARTIFACT_MANIFEST}`,
    ARCHIVE_LIMITS.manifestBytes,
    `vitrine.json is over ${ARCHIVE_LIMITS.manifestBytes / (1024 * 1024)} MB.`,
  );
  const result = parseArtifactManifest(manifestText ?? "");
  if ("error" in result) throw new ArchiveRefusal(result.error);
  const { manifest } = result;

  const wanted = new Map<string, { maxBytes: number; tooBig: string }>();
  const byFile = new Map<string, number>();
  for (const v of manifest.versions) {
    const reason = unsafeEntryReason(v.file);
    if (reason) throw new ArchiveRefusal(`vitrine.json, version ${v.number}: ${reason}`);
    const name = `${folder}${v.file}`;
    if (byFile.has(name))
      throw new ArchiveRefusal(`vitrine.json names ${v.file} for two versions.`);
    if (!zip.names.includes(name))
      throw new ArchiveRefusal(`The archive has no ${v.file}, the code of version ${v.number}.`);
    byFile.set(name, v.number);
    wanted.set(name, { maxBytes: LIMITS.codeBytes, tooBig: CODE_TOO_BIG(v.number) });
  }
  const files = zip.inflate(wanted);

  const code = new Map<number, string>();
  for (const v of manifest.versions) {
    const bytesOf = files.get(`${folder}${v.file}`);
    if (!bytesOf)
      throw new ArchiveRefusal(`The archive has no ${v.file}, the code of version ${v.number}.`);
    const text = decode(bytesOf, `The code of version ${v.number}`);
    const checked = codeSchema.safeParse(text);
    if (!checked.success)
      throw new ArchiveRefusal(
        `Version ${v.number}: ${checked.error.issues[0]?.message ?? "the code is not valid."}`,
      );
    if (v.sha256 && createHash("sha256").update(text, "utf8").digest("hex") !== v.sha256)
      throw new ArchiveRefusal(
        `The code of version ${v.number} does not match its sha256 in vitrine.json.`,
      );
    code.set(v.number, text);
  }
  return {
    manifest,
    code,
    fileSha256: createHash("sha256").update(bytes).digest("hex"),
  };
}
