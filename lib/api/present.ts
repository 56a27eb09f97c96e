import "server-only";
import type { z } from "zod";
import type { ComputedDiff } from "@/domain/diff/model";
import { hunkHeader } from "@/domain/diff/hunks";
import type { DiffSideRow } from "@/db/queries/diff";
import type { GalleryCard } from "@/db/queries/gallery";
import type { ArtifactCard } from "@/db/queries/artifacts";
import type { CommentView } from "@/db/queries/comments";
import type { AncestorEntry, TreeNode } from "@/db/queries/fork-tree";
import type { VersionListItem, ViewedVersion } from "@/db/queries/version-history";
import { appOrigin } from "@/lib/env";
import type * as S from "./schemas";

// Query rows → the API's JSON shapes (lib/api/schemas.ts). Only fields the query already decided
// the viewer may see; nothing owner-only (source_session, user ids) leaves here.

type Out<T extends z.ZodType> = z.input<T>;

const iso = (d: Date | string) => (typeof d === "string" ? new Date(d) : d).toISOString();
export const artifactUrl = (id: string) => `${appOrigin()}/a/${id}`;

export function summary(card: GalleryCard | ArtifactCard): Out<typeof S.artifactSummarySchema> {
  return {
    id: card.id,
    title: card.title,
    description: card.description,
    language: card.language,
    owner: { handle: card.ownerHandle, displayName: card.ownerDisplayName },
    createdAt: iso(card.createdAt),
    likesCount: card.likesCount,
    forksCount: card.forksCount,
    commentsCount: card.commentsCount,
    url: artifactUrl(card.id),
  };
}

export function version(v: ViewedVersion): Out<typeof S.versionSchema> {
  return {
    id: v.version.id,
    version: v.version.versionIndex,
    label: v.version.label,
    summary: v.version.summary,
    language: v.version.codeLanguage,
    createdAt: iso(v.version.createdAt),
    isCurrent: v.isCurrent,
    code: v.version.codeContent ?? "",
    chat: v.chat ? { messages: v.chat.messages } : null,
  };
}

export function artifact(v: ViewedVersion): Out<typeof S.artifactSchema> {
  const a = v.artifact;
  return {
    id: a.id,
    title: a.title,
    description: a.description,
    visibility: a.visibility as "public" | "private",
    owner: { handle: v.owner?.handle ?? null, displayName: v.owner?.displayName ?? null },
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
    likesCount: a.likesCount,
    forksCount: a.publicForksCount,
    commentsCount: a.commentsCount,
    versioningEnabled: a.versioningEnabled,
    chatHistoryPublic: a.chatHistoryPublic,
    isOwner: v.isOwner,
    currentVersion: version(v),
    url: artifactUrl(a.id),
  };
}

export function versionMeta(v: VersionListItem): Out<typeof S.versionMetaSchema> {
  return {
    id: v.id,
    version: v.versionIndex,
    label: v.label,
    summary: v.summary,
    language: v.language,
    createdAt: iso(v.createdAt),
    parentVersion: v.parentIndex,
  };
}

export function diff(
  from: DiffSideRow,
  to: DiffSideRow,
  d: ComputedDiff,
): Out<typeof S.diffSchema> {
  const hunks = d.tooLarge
    ? []
    : d.segments.flatMap((s) =>
        s.type !== "hunk"
          ? []
          : [
              {
                header: hunkHeader(s.hunk),
                oldStart: s.hunk.aStart + 1,
                oldLines: s.hunk.aCount,
                newStart: s.hunk.bStart + 1,
                newLines: s.hunk.bCount,
                lines: s.hunk.lines.map((l) =>
                  l.kind === "context"
                    ? { kind: l.kind, oldLine: l.a + 1, newLine: l.b + 1, text: d.aLines[l.a]! }
                    : l.kind === "delete"
                      ? { kind: l.kind, oldLine: l.a + 1, newLine: null, text: d.aLines[l.a]! }
                      : { kind: l.kind, oldLine: null, newLine: l.b + 1, text: d.bLines[l.b]! },
                ),
              },
            ],
      );
  return {
    from: { artifactId: from.artifactId, version: from.versionIndex },
    to: { artifactId: to.artifactId, version: to.versionIndex },
    added: d.added,
    removed: d.removed,
    exact: d.exact,
    tooLarge: d.tooLarge,
    hunks,
  };
}

export function treeNode(n: TreeNode) {
  return {
    id: n.id,
    title: n.title,
    owner: { handle: n.ownerHandle, displayName: null },
    visibility: n.visibility,
    forkedFromVersionLabel: n.forkedFromVersionLabel,
    createdAt: iso(n.createdAt),
    likesCount: n.likesCount,
    forksCount: n.forksCount,
  };
}

/** A hidden ancestor keeps only its position: not even its id leaves. */
export function ancestor(a: AncestorEntry) {
  return { depth: a.depth, visible: a.visible, node: a.visible ? treeNode(a.node) : null };
}

export function comment(c: CommentView): Out<typeof S.commentSchema> {
  return {
    id: c.id,
    body: c.body,
    createdAt: iso(c.createdAt),
    author: { handle: c.authorHandle, displayName: c.authorDisplayName },
    version: c.versionIndex,
  };
}
