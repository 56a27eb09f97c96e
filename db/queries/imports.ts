import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/index";
import { withWriteSlot } from "@/db/busy";
import { artifactVersions, artifacts, lineageRequests, profiles } from "@/db/schema";
import { versionContentFields } from "@/lib/version-content";
import { claimRequestKey, NotVisible, notVisibleAsNull, sourceVersion } from "./forks";
import { historyVisibleTo, visibleTo } from "./visibility";

export type ImportInput = {
  viewerId: string;
  /** The viewer's artifact that receives the new version. */
  targetId: string;
  /** The artifact the version comes from (typically the parent). */
  sourceId: string;
  /** The version to bring in; the source's current one when absent. */
  sourceVersionIndex?: number | null;
  idempotencyKey: string;
};

export type ImportResult = {
  targetId: string;
  versionId: string;
  versionIndex: number;
  created: boolean;
};

/**
 * Imports a version of an artifact the viewer may see into one they own, as its next version
 * (DESIGN.md "Imports"). One transaction: both rows locked in id order (so two opposite imports
 * cannot deadlock), the target scoped by owner in SQL, the source's visibility re-checked after the
 * lock, version_index = max + 1 under the target's lock, the source's imports_count + 1.
 * Returns null when either side is not the viewer's to use: nothing is written.
 */
async function importVersionUngated(input: ImportInput): Promise<ImportResult | null> {
  if (input.targetId === input.sourceId) return null;
  return db
    .transaction(async (tx) => {
      const prior = await claimRequestKey(
        tx,
        input.viewerId,
        input.idempotencyKey,
        "import",
        input.targetId,
      );
      if (prior) {
        if (!prior.versionId) throw new NotVisible();
        const [v] = await tx
          .select({ versionIndex: artifactVersions.versionIndex })
          .from(artifactVersions)
          .where(eq(artifactVersions.id, prior.versionId));
        return {
          targetId: prior.artifactId,
          versionId: prior.versionId,
          versionIndex: v?.versionIndex ?? 0,
          created: false,
        };
      }

      await tx
        .select({ id: artifacts.id })
        .from(artifacts)
        .where(inArray(artifacts.id, [input.targetId, input.sourceId]))
        .orderBy(artifacts.id)
        .for("no key update");

      const [target] = await tx
        .select({
          id: artifacts.id,
          title: artifacts.title,
          visibility: artifacts.visibility,
          currentVersionId: artifacts.currentVersionId,
        })
        .from(artifacts)
        .where(and(eq(artifacts.id, input.targetId), eq(artifacts.ownerUserId, input.viewerId)));
      const [source] = await tx
        .select({
          id: artifacts.id,
          title: artifacts.title,
          ownerHandle: profiles.handle,
          currentVersionId: artifacts.currentVersionId,
          historyVisible: sql<boolean>`${historyVisibleTo(artifacts, input.viewerId)}`,
        })
        .from(artifacts)
        .leftJoin(profiles, eq(profiles.userId, artifacts.ownerUserId))
        .where(and(eq(artifacts.id, input.sourceId), visibleTo(artifacts, input.viewerId)));
      if (!target || !source) throw new NotVisible();

      const from = await sourceVersion(tx, source, input.sourceVersionIndex);

      const [previous] = target.currentVersionId
        ? await tx
            .select({ codeContent: artifactVersions.codeContent })
            .from(artifactVersions)
            .where(eq(artifactVersions.id, target.currentVersionId))
        : [];
      const [{ next } = { next: 1 }] = await tx
        .select({ next: sql<number>`coalesce(max(${artifactVersions.versionIndex}), 0)::int + 1` })
        .from(artifactVersions)
        .where(eq(artifactVersions.artifactId, target.id));
      const content = versionContentFields(from.codeContent, previous?.codeContent ?? null);
      const [version] = await tx
        .insert(artifactVersions)
        .values({
          artifactId: target.id,
          versionIndex: next,
          codeBlobRef: content.codeBlobRef,
          codeReferences: content.codeReferences,
          stats: content.stats,
          codeLanguage: from.codeLanguage,
          codeContent: from.codeContent,
          // Never the source's title or owner (it may turn private): the history derives "Synced from …"
          // per viewer from version_metadata.source.
          summary: null,
          parentVersionId: target.currentVersionId,
          versionMetadata: {
            title: target.title,
            visibility: target.visibility,
            source: {
              kind: "import",
              artifact_id: source.id,
              version_id: from.id,
              version_index: from.versionIndex,
            },
          },
        })
        .returning({ id: artifactVersions.id });
      await tx
        .update(artifacts)
        .set({ currentVersionId: version!.id, updatedAt: sql`now()` })
        .where(and(eq(artifacts.id, target.id), eq(artifacts.ownerUserId, input.viewerId)));
      await tx
        .update(artifacts)
        .set({ importsCount: sql`${artifacts.importsCount} + 1` })
        .where(eq(artifacts.id, source.id));
      await tx
        .update(lineageRequests)
        .set({ versionId: version!.id })
        .where(
          and(
            eq(lineageRequests.userId, input.viewerId),
            eq(lineageRequests.idempotencyKey, input.idempotencyKey),
          ),
        );
      return { targetId: target.id, versionId: version!.id, versionIndex: next, created: true };
    })
    .catch(notVisibleAsNull);
}

/** importVersion in a write slot (db/busy.ts): overload is "busy, try again", never a pool-wide outage. */
export const importVersion = (...args: Parameters<typeof importVersionUngated>) =>
  withWriteSlot(() => importVersionUngated(...args));
