import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/index";
import { withWriteSlot } from "@/db/busy";
import { artifactVersions, artifacts, lineageRequests } from "@/db/schema";
import { versionName } from "@/domain/versions";
import { versionContentFields } from "@/lib/version-content";
import { historyVisibleTo, visibleTo } from "./visibility";

/** Thrown inside a transaction to roll it back when the viewer may not see what they asked for. */
export class NotVisible extends Error {}

/** The rolled-back "you may not see this" becomes null: callers answer 404, nothing was written. */
export function notVisibleAsNull(err: unknown): null {
  if (err instanceof NotVisible) return null;
  throw err;
}

export type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

export type ForkInput = {
  viewerId: string;
  artifactId: string;
  /** The version to fork; the current one when absent. */
  versionIndex?: number | null;
  title: string;
  visibility: "public" | "private";
  /** From the form: a double submit carries the same key and gets the same fork. */
  idempotencyKey: string;
};

/** A previous request with this key already produced something: return it instead of writing again. */
async function priorRequest(tx: Tx, userId: string, key: string, kind: "fork" | "import") {
  const [row] = await tx
    .select({
      artifactId: lineageRequests.artifactId,
      versionId: lineageRequests.versionId,
      kind: lineageRequests.kind,
    })
    .from(lineageRequests)
    .where(and(eq(lineageRequests.userId, userId), eq(lineageRequests.idempotencyKey, key)))
    .limit(1);
  return row && row.kind === kind ? row : null;
}

/**
 * Claims the idempotency key first: a concurrent duplicate blocks on the primary key until this
 * transaction ends, then sees the committed row (or, after a rollback, claims it itself).
 */
/**
 * The version a fork or an import copies: the given index, or the current one. Old versions are part
 * of the history, so only a viewer who may see the history gets one; otherwise NotVisible.
 */
export async function sourceVersion(
  tx: Tx,
  artifact: { id: string; currentVersionId: string | null; historyVisible: boolean },
  versionIndex: number | null | undefined,
) {
  const [version] = await tx
    .select({
      id: artifactVersions.id,
      versionIndex: artifactVersions.versionIndex,
      label: artifactVersions.label,
      codeLanguage: artifactVersions.codeLanguage,
      codeContent: artifactVersions.codeContent,
    })
    .from(artifactVersions)
    .where(
      versionIndex
        ? and(
            eq(artifactVersions.artifactId, artifact.id),
            eq(artifactVersions.versionIndex, versionIndex),
          )
        : eq(artifactVersions.id, sql`${artifact.currentVersionId}`),
    )
    .limit(1);
  if (!version || (version.id !== artifact.currentVersionId && !artifact.historyVisible))
    throw new NotVisible();
  return version;
}

export async function claimRequestKey(
  tx: Tx,
  userId: string,
  key: string,
  kind: "fork" | "import",
  artifactId: string,
) {
  const claimed = await tx
    .insert(lineageRequests)
    .values({ userId, idempotencyKey: key, kind, artifactId })
    .onConflictDoNothing()
    .returning({ userId: lineageRequests.userId });
  if (claimed.length) return null;
  return priorRequest(tx, userId, key, kind);
}

/**
 * Forks a version of an artifact the viewer may see, in one transaction (DESIGN.md "Forks").
 * The parent row is locked and its visibility re-checked inside the transaction, so an owner who
 * makes it private at the same moment either commits first (this returns null: nothing written)
 * or waits for the fork to commit. Returns null for anything the viewer may not see.
 */
async function createForkUngated(
  input: ForkInput,
): Promise<{ id: string; created: boolean } | null> {
  return db
    .transaction(async (tx) => {
      const earlier = await priorRequest(tx, input.viewerId, input.idempotencyKey, "fork");
      if (earlier) return { id: earlier.artifactId, created: false };

      // FOR NO KEY UPDATE, not FOR SHARE: every fork also increments forks_count, and two sharers
      // upgrading to an update lock would deadlock. The WHERE is re-evaluated after any wait.
      const [parent] = await tx
        .select({
          id: artifacts.id,
          title: artifacts.title,
          description: artifacts.description,
          tags: artifacts.tags,
          category: artifacts.category,
          ownerUserId: artifacts.ownerUserId,
          originArtifactId: artifacts.originArtifactId,
          originOwnerUserId: artifacts.originOwnerUserId,
          currentVersionId: artifacts.currentVersionId,
          historyVisible: sql<boolean>`${historyVisibleTo(artifacts, input.viewerId)}`,
        })
        .from(artifacts)
        .where(and(eq(artifacts.id, input.artifactId), visibleTo(artifacts, input.viewerId)))
        .for("no key update");
      if (!parent) throw new NotVisible();
      // Claimed after the parent lock: the claim's foreign-key check would otherwise share-lock the
      // parent first and blur who queued for it first. The key row points at the fork below.
      const prior = await claimRequestKey(
        tx,
        input.viewerId,
        input.idempotencyKey,
        "fork",
        input.artifactId,
      );
      if (prior) return { id: prior.artifactId, created: false };
      const source = await sourceVersion(tx, parent, input.versionIndex);
      // What a fork remembers of its source even if that goes away.
      const label = versionName(source);
      const [fork] = await tx
        .insert(artifacts)
        .values({
          ownerUserId: input.viewerId,
          title: input.title,
          description: parent.description,
          // A fork keeps its parent's tags and category (issue 15); its owner may change them.
          tags: parent.tags,
          category: parent.category,
          visibility: input.visibility,
          forkedFromId: parent.id,
          forkedFromOwnerUserId: parent.ownerUserId,
          forkedFromVersionId: source.id,
          forkedFromVersionLabel: label.slice(0, 40),
          originArtifactId: parent.originArtifactId ?? parent.id,
          originOwnerUserId: parent.originArtifactId
            ? parent.originOwnerUserId
            : parent.ownerUserId,
        })
        .returning({ id: artifacts.id });
      const content = versionContentFields(source.codeContent, source.codeContent);
      const [version] = await tx
        .insert(artifactVersions)
        .values({
          artifactId: fork!.id,
          versionIndex: 1,
          codeBlobRef: content.codeBlobRef,
          codeReferences: content.codeReferences,
          stats: content.stats,
          codeLanguage: source.codeLanguage,
          codeContent: source.codeContent,
          // No summary naming the parent: "Forked from @owner / title" is derived at render time
          // from version_metadata.source and what the viewer may see (it may turn private later).
          summary: null,
          parentVersionId: source.id,
          // Like every version's metadata: a snapshot of title/visibility, and where the code came from.
          versionMetadata: {
            title: input.title,
            visibility: input.visibility,
            source: {
              kind: "fork",
              artifact_id: parent.id,
              version_id: source.id,
              version_index: source.versionIndex,
            },
          },
        })
        .returning({ id: artifactVersions.id });
      await tx
        .update(artifacts)
        .set({ currentVersionId: version!.id })
        .where(eq(artifacts.id, fork!.id));
      await tx
        .update(artifacts)
        .set({ forksCount: sql`${artifacts.forksCount} + 1` })
        .where(eq(artifacts.id, parent.id));
      await tx
        .update(lineageRequests)
        .set({ artifactId: fork!.id, versionId: version!.id })
        .where(
          and(
            eq(lineageRequests.userId, input.viewerId),
            eq(lineageRequests.idempotencyKey, input.idempotencyKey),
          ),
        );
      return { id: fork!.id, created: true };
    })
    .catch(notVisibleAsNull);
}

/** createFork in a write slot (db/busy.ts): overload is "busy, try again", never a pool-wide outage. */
export const createFork = (...args: Parameters<typeof createForkUngated>) =>
  withWriteSlot(() => createForkUngated(...args));
