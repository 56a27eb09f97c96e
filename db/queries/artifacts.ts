import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/index";
import { withWriteSlot } from "@/db/busy";
import { artifactVersions, artifacts, profiles } from "@/db/schema";
import type { Chat } from "@/domain/validation/artifact";
import { pgTextArray, type Category } from "@/domain/tags/tags";
import { visibleTo } from "./visibility";
import { insertNextVersion } from "./versions";
import { getVersionForViewer } from "./version-history";

/** Columns a card needs. Never code_content: lists stay cheap however large the code is. */
export const cardColumns = {
  id: artifacts.id,
  title: artifacts.title,
  description: artifacts.description,
  visibility: artifacts.visibility,
  createdAt: artifacts.createdAt,
  updatedAt: artifacts.updatedAt,
  likesCount: artifacts.likesCount,
  forksCount: artifacts.publicForksCount, // private forks are never counted in public
  commentsCount: artifacts.commentsCount,
  ownerUserId: artifacts.ownerUserId,
  ownerHandle: profiles.handle,
  ownerDisplayName: profiles.displayName,
  ownerAvatarUrl: profiles.avatarUrl,
  // The current version's language, kept on the artifact (019): a card never joins the versions.
  language: artifacts.currentLanguage,
  cursorKey: sql<string>`to_char(${artifacts.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
};

export type ArtifactCard = {
  id: string;
  title: string;
  description: string | null;
  visibility: "public" | "private";
  createdAt: Date;
  updatedAt: Date;
  likesCount: number;
  forksCount: number;
  commentsCount: number;
  ownerUserId: string;
  ownerHandle: string | null;
  ownerDisplayName: string | null;
  ownerAvatarUrl: string | null;
  language: string | null;
  cursorKey: string;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * One artifact with its owner and current version (code included; chat only when the viewer may
 * read it), or null when it does not exist or the viewer may not see it — the two are
 * indistinguishable on purpose.
 */
export async function getArtifactForViewer({
  id,
  viewerId,
}: {
  id: string;
  viewerId: string | null;
}) {
  return getVersionForViewer({ artifactId: id, viewerId });
}

export type PublishInput = {
  ownerUserId: string;
  idempotencyKey: string;
  title: string;
  description: string | null;
  visibility: "public" | "private";
  versioningEnabled: boolean;
  chatHistoryPublic: boolean;
  language: string;
  code: string;
  chat: Chat | null;
  tags?: string[];
  category?: Category;
};

/**
 * Publishes: the artifact and its version 1 in one transaction. A replay of the same form (same
 * idempotency key, same owner) creates nothing and returns the first artifact.
 */
async function createArtifactUngated(
  input: PublishInput,
): Promise<{ id: string; created: boolean }> {
  const created = await db.transaction(async (tx) => {
    const inserted = await tx.execute<{ id: string }>(sql`
      insert into artifacts (owner_user_id, title, description, visibility, versioning_enabled, chat_history_public, source_session, tags, category)
      values (${input.ownerUserId}, ${input.title}, ${input.description}, ${input.visibility},
              ${input.versioningEnabled}, ${input.chatHistoryPublic},
              ${JSON.stringify({ idempotency_key: input.idempotencyKey })}::jsonb,
              ${pgTextArray(input.tags ?? [])}::text[], ${input.category ?? "general"})
      on conflict (owner_user_id, (source_session ->> 'idempotency_key')) where source_session ? 'idempotency_key'
      do nothing
      returning id`);
    const id = inserted.rows[0]?.id;
    if (!id) return null;
    await insertNextVersion(tx, {
      artifactId: id,
      parent: null,
      code: input.code,
      language: input.language,
      chat: input.chat,
      metadata: { title: input.title, visibility: input.visibility, source: { kind: "publish" } },
    });
    return id;
  });
  if (created) return { id: created, created: true };
  // The first submit committed (the conflicting insert waited for it): hand back its artifact.
  const [first] = await db
    .select({ id: artifacts.id })
    .from(artifacts)
    .where(
      and(
        eq(artifacts.ownerUserId, input.ownerUserId),
        sql`${artifacts.sourceSession} ->> 'idempotency_key' = ${input.idempotencyKey}`,
        sql`${artifacts.sourceSession} ? 'idempotency_key'`,
      ),
    );
  if (!first) throw new Error("idempotent publish: conflicting artifact not found");
  return { id: first.id, created: false };
}

/** The owner's artifact with its current version, for the editor and settings; null for anyone else. */
export async function getArtifactForOwner({
  id,
  ownerUserId,
}: {
  id: string;
  ownerUserId: string;
}) {
  const [row] = await db
    .select({
      id: artifacts.id,
      title: artifacts.title,
      description: artifacts.description,
      visibility: artifacts.visibility,
      versioningEnabled: artifacts.versioningEnabled,
      chatHistoryPublic: artifacts.chatHistoryPublic,
      tags: artifacts.tags,
      category: artifacts.category,
      currentVersionId: artifacts.currentVersionId,
      version: {
        id: artifactVersions.id,
        versionIndex: artifactVersions.versionIndex,
        label: artifactVersions.label,
        summary: artifactVersions.summary,
        codeLanguage: artifactVersions.codeLanguage,
        codeContent: artifactVersions.codeContent,
      },
    })
    .from(artifacts)
    .innerJoin(artifactVersions, eq(artifactVersions.id, artifacts.currentVersionId))
    .where(and(eq(artifacts.id, id), eq(artifacts.ownerUserId, ownerUserId)));
  return row ?? null;
}

/** Owner-only settings; false when the artifact is not the owner's (or does not exist). */
export async function updateArtifactSettings(input: {
  id: string;
  ownerUserId: string;
  title: string;
  description: string | null;
  visibility: "public" | "private";
  versioningEnabled: boolean;
  chatHistoryPublic: boolean;
  /** Undefined leaves the tags / category as they are. */
  tags?: string[];
  category?: Category;
}): Promise<boolean> {
  const updated = await db
    .update(artifacts)
    .set({
      title: input.title,
      description: input.description,
      visibility: input.visibility,
      versioningEnabled: input.versioningEnabled,
      chatHistoryPublic: input.chatHistoryPublic,
      ...(input.tags !== undefined && { tags: input.tags }),
      ...(input.category !== undefined && { category: input.category }),
      updatedAt: sql`now()`,
    })
    .where(and(eq(artifacts.id, input.id), eq(artifacts.ownerUserId, input.ownerUserId)))
    .returning({ id: artifacts.id });
  return updated.length === 1;
}

/**
 * Deletes the owner's artifact (versions cascade) when `confirmTitle` is exactly its title.
 * The confirmation is part of the WHERE, so a stale form cannot delete a renamed artifact.
 */
export async function deleteArtifact(input: {
  id: string;
  ownerUserId: string;
  confirmTitle: string;
}): Promise<"deleted" | "mismatch" | "not_found"> {
  const deleted = await db
    .delete(artifacts)
    .where(
      and(
        eq(artifacts.id, input.id),
        eq(artifacts.ownerUserId, input.ownerUserId),
        eq(artifacts.title, input.confirmTitle),
      ),
    )
    .returning({ id: artifacts.id });
  if (deleted.length === 1) return "deleted";
  const [exists] = await db
    .select({ id: artifacts.id })
    .from(artifacts)
    .where(and(eq(artifacts.id, input.id), eq(artifacts.ownerUserId, input.ownerUserId)));
  return exists ? "mismatch" : "not_found";
}

export type SourceArtifact = { title: string; ownerHandle: string | null };

/**
 * Title and owner of the given artifacts that the viewer may see, for "Forked from @owner / title"
 * and "Synced from …" labels, which are derived here at render time and never stored in the version
 * (a parent that turns private must vanish from its forks' pages). Others are absent.
 */
export async function visibleArtifactTitles({
  ids,
  viewerId,
}: {
  ids: string[];
  viewerId: string | null;
}) {
  const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (valid.length === 0) return new Map<string, SourceArtifact>();
  const rows = await db
    .select({ id: artifacts.id, title: artifacts.title, ownerHandle: profiles.handle })
    .from(artifacts)
    .leftJoin(profiles, eq(profiles.userId, artifacts.ownerUserId))
    .where(and(inArray(artifacts.id, valid), visibleTo(artifacts, viewerId)));
  return new Map(rows.map((r) => [r.id, { title: r.title, ownerHandle: r.ownerHandle }]));
}

/** createArtifact in a write slot (db/busy.ts): overload is "busy, try again", never a pool-wide outage. */
export const createArtifact = (...args: Parameters<typeof createArtifactUngated>) =>
  withWriteSlot(() => createArtifactUngated(...args));
