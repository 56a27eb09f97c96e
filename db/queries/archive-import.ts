import "server-only";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/index";
import { withWriteSlot } from "@/db/busy";
import { artifactImports, artifactVersions, artifacts } from "@/db/schema";
import type { ArtifactManifest } from "@/domain/validation/archive";
import { versionContentFields } from "@/lib/version-content";

export type ArchiveImportInput = {
  ownerUserId: string;
  manifest: ArtifactManifest;
  /** Code by version number (lib/archive/parse-import.ts has checked every limit). */
  code: Map<number, string>;
  fileName: string;
  fileSha256: string;
};

const BATCH = 100;

/**
 * Creates a NEW private artifact owned by the importer from a parsed Vitrine archive, keeping its
 * history: every version with its number, parent, created_at, summary, label and chat; the current
 * version is the highest number; provenance (file, original id, when, by whom) in artifact_imports.
 * One transaction: a failure anywhere leaves no artifact, no version and no provenance row.
 * Version ids are made here so a batch can name parents inserted in an earlier batch.
 */
async function importArchiveUngated(
  input: ArchiveImportInput,
): Promise<{ id: string; versions: number }> {
  const { manifest } = input;
  const versions = [...manifest.versions].sort((a, b) => a.number - b.number);
  const ids = new Map(versions.map((v) => [v.number, randomUUID()]));
  return db.transaction(async (tx) => {
    const [artifact] = await tx
      .insert(artifacts)
      .values({
        ownerUserId: input.ownerUserId,
        title: manifest.artifact.title,
        description: manifest.artifact.description,
        // Private until its new owner decides: the importer may not mean to republish.
        visibility: "private",
        versioningEnabled: manifest.artifact.versioning_enabled,
        chatHistoryPublic: manifest.artifact.chat_history_public,
      })
      .returning({ id: artifacts.id });
    const artifactId = artifact!.id;
    for (let i = 0; i < versions.length; i += BATCH) {
      const rows = versions.slice(i, i + BATCH).map((v) => {
        const code = input.code.get(v.number)!;
        const parentCode = v.parent === null ? null : (input.code.get(v.parent) ?? null);
        const fields = versionContentFields(code, parentCode);
        return {
          id: ids.get(v.number)!,
          artifactId,
          versionIndex: v.number,
          codeLanguage: v.language,
          codeContent: code,
          codeBlobRef: fields.codeBlobRef,
          codeReferences: fields.codeReferences,
          stats: fields.stats,
          summary: v.summary,
          label: v.label,
          chat: v.chat,
          parentVersionId: v.parent === null ? null : ids.get(v.parent)!,
          // The string as written: timestamptz keeps its microseconds, a JS Date would not.
          createdAt: sql`${v.created_at}::timestamptz`,
          versionMetadata: {
            title: manifest.artifact.title,
            visibility: "private",
            source: { kind: "archive", original_artifact_id: manifest.artifact.id ?? null },
          },
        };
      });
      await tx.insert(artifactVersions).values(rows);
    }
    const current = ids.get(versions[versions.length - 1]!.number)!;
    await tx
      .update(artifacts)
      .set({ currentVersionId: current })
      .where(eq(artifacts.id, artifactId));
    await tx.insert(artifactImports).values({
      artifactId,
      importedByUserId: input.ownerUserId,
      fileName: input.fileName.slice(0, 255) || "archive.zip",
      fileSha256: input.fileSha256,
      originalArtifactId: manifest.artifact.id ?? null,
      originalOwnerHandle: manifest.artifact.owner_handle ?? null,
      originalExportedAt: manifest.exported_at ? new Date(manifest.exported_at) : null,
      versionCount: versions.length,
    });
    return { id: artifactId, versions: versions.length };
  });
}

export const importArchive = (...args: Parameters<typeof importArchiveUngated>) =>
  withWriteSlot(() => importArchiveUngated(...args));

/** The provenance of an imported artifact, for its owner only (null for anyone else or no import). */
export async function getImportProvenance({
  artifactId,
  ownerUserId,
}: {
  artifactId: string;
  ownerUserId: string;
}) {
  const [row] = await db
    .select({
      fileName: artifactImports.fileName,
      fileSha256: artifactImports.fileSha256,
      originalArtifactId: artifactImports.originalArtifactId,
      originalOwnerHandle: artifactImports.originalOwnerHandle,
      originalExportedAt: artifactImports.originalExportedAt,
      versionCount: artifactImports.versionCount,
      importedAt: artifactImports.importedAt,
      importedByUserId: artifactImports.importedByUserId,
    })
    .from(artifactImports)
    .innerJoin(artifacts, eq(artifacts.id, artifactImports.artifactId))
    .where(
      sql`${artifactImports.artifactId} = ${artifactId} and ${artifacts.ownerUserId} = ${ownerUserId}`,
    );
  return row ?? null;
}
