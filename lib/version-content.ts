import { createHash } from "node:crypto";
import { countLineChanges, splitLines } from "@/domain/diff/engine";

export type CodeReference = { ref: string; sha256: string; bytes: number };
export type VersionStats = { lines: number; bytes: number; added: number; removed: number };

/**
 * The derived fields every new version stores (DESIGN.md "Versions"): `code_blob_ref` is
 * `sha256:<hex>` of the code, `code_references` lists the stored blob, and `stats` counts lines,
 * bytes and lines added/removed against the parent version (all lines added when there is none).
 */
export function versionContentFields(code: string, parentCode: string | null) {
  const sha256 = createHash("sha256").update(code, "utf8").digest("hex");
  const bytes = Buffer.byteLength(code, "utf8");
  const lines = splitLines(code).length;
  const changes =
    parentCode === null ? { added: lines, removed: 0 } : countLineChanges(parentCode, code);
  const codeBlobRef = `sha256:${sha256}`;
  return {
    codeBlobRef,
    codeReferences: [{ ref: codeBlobRef, sha256, bytes }] satisfies CodeReference[],
    stats: { lines, bytes, ...changes } satisfies VersionStats,
  };
}
