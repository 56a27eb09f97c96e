import { z } from "zod";

// The shapes /api/v1 answers with, for the OpenAPI document (lib/api/openapi.ts) and the contract
// test that checks every response against it. lib/api/present.ts builds them from query rows.

const timestamp = z.string().meta({ format: "date-time", example: "2026-11-30T07:00:00.000Z" });
const id = z.uuid().meta({ example: "0b7c2f8e-5a1d-4c3e-9f20-6d8a1b2c3d4e" });
const visibility = z.enum(["public", "private"]);

export const ownerSchema = z
  .object({ handle: z.string().nullable(), displayName: z.string().nullable() })
  .meta({ id: "Owner" });

export const artifactSummarySchema = z
  .object({
    id,
    title: z.string(),
    description: z.string().nullable(),
    language: z.string().nullable(),
    owner: ownerSchema,
    createdAt: timestamp,
    likesCount: z.number().int(),
    forksCount: z.number().int(),
    commentsCount: z.number().int(),
    url: z.string(),
  })
  .meta({ id: "ArtifactSummary" });

export const artifactPageSchema = z
  .object({
    items: z.array(artifactSummarySchema),
    nextCursor: z.string().nullable().meta({
      description: "Pass as ?cursor= for the next page; null on the last page.",
    }),
  })
  .meta({ id: "ArtifactPage" });

export const versionMetaSchema = z
  .object({
    id,
    version: z.number().int(),
    label: z.string().nullable(),
    summary: z.string().nullable(),
    language: z.string().nullable(),
    createdAt: timestamp,
    parentVersion: z.number().int().nullable(),
  })
  .meta({ id: "VersionMeta" });

export const chatSchema = z
  .object({
    messages: z.array(
      z.object({ role: z.string(), content: z.string(), created_at: z.string().optional() }),
    ),
  })
  .meta({ id: "Chat" });

export const versionSchema = z
  .object({
    id,
    version: z.number().int(),
    label: z.string().nullable(),
    summary: z.string().nullable(),
    language: z.string().nullable(),
    createdAt: timestamp,
    isCurrent: z.boolean(),
    code: z.string(),
    chat: chatSchema.nullable().meta({
      description: "Present for the owner, or when the owner made the chat public; else null.",
    }),
  })
  .meta({ id: "Version" });

export const artifactSchema = z
  .object({
    id,
    title: z.string(),
    description: z.string().nullable(),
    visibility,
    owner: ownerSchema,
    createdAt: timestamp,
    updatedAt: timestamp,
    likesCount: z.number().int(),
    forksCount: z.number().int(),
    commentsCount: z.number().int(),
    versioningEnabled: z.boolean(),
    chatHistoryPublic: z.boolean(),
    isOwner: z.boolean(),
    currentVersion: versionSchema,
    url: z.string(),
  })
  .meta({ id: "Artifact" });

export const versionListSchema = z
  .object({ items: z.array(versionMetaSchema), nextCursor: z.string().nullable() })
  .meta({ id: "VersionPage" });

const diffLine = z.object({
  kind: z.enum(["context", "delete", "insert"]),
  oldLine: z.number().int().nullable(),
  newLine: z.number().int().nullable(),
  text: z.string(),
});

export const diffSchema = z
  .object({
    from: z.object({ artifactId: id, version: z.number().int() }),
    to: z.object({ artifactId: id, version: z.number().int() }),
    added: z.number().int(),
    removed: z.number().int(),
    exact: z
      .boolean()
      .meta({ description: "False when the work budget ran out (valid, maybe not minimal)." }),
    tooLarge: z.boolean().meta({
      description: "True when the hunks are over the display limit: hunks is then empty.",
    }),
    hunks: z.array(
      z.object({
        header: z.string(),
        oldStart: z.number().int(),
        oldLines: z.number().int(),
        newStart: z.number().int(),
        newLines: z.number().int(),
        lines: z.array(diffLine),
      }),
    ),
  })
  .meta({ id: "Diff" });

const treeNode = z
  .object({
    id,
    title: z.string(),
    owner: ownerSchema,
    visibility,
    forkedFromVersionLabel: z.string().nullable(),
    createdAt: timestamp,
    likesCount: z.number().int(),
    forksCount: z.number().int(),
  })
  .meta({ id: "TreeNode" });

export const forkTreeSchema = z
  .object({
    node: treeNode,
    ancestors: z.array(
      z.object({
        depth: z.number().int(),
        visible: z.boolean(),
        node: treeNode.nullable().meta({ description: "Null for an ancestor you may not see." }),
      }),
    ),
    children: z.object({
      items: z.array(treeNode),
      nextCursor: z.string().nullable(),
      visibleCount: z.number().int().optional(),
    }),
  })
  .meta({ id: "ForkTree" });

export const profileSchema = z
  .object({
    handle: z.string(),
    displayName: z.string().nullable(),
    bio: z.string().nullable(),
    createdAt: timestamp,
    stats: z.object({
      publicArtifacts: z.number().int(),
      likesReceived: z.number().int(),
      forksReceived: z.number().int(),
    }),
    artifacts: artifactPageSchema,
  })
  .meta({ id: "Profile" });

export const commentSchema = z
  .object({
    id,
    body: z.string(),
    createdAt: timestamp,
    author: ownerSchema,
    version: z.number().int().nullable(),
  })
  .meta({ id: "Comment" });

export const commentPageSchema = z
  .object({
    items: z.array(commentSchema),
    nextCursor: z.string().nullable(),
    total: z.number().int(),
  })
  .meta({ id: "CommentPage" });

export const likeSchema = z
  .object({ liked: z.boolean(), likesCount: z.number().int() })
  .meta({ id: "LikeState" });

export const createdVersionSchema = z
  .object({ artifactId: id, version: z.number().int(), versionId: id, url: z.string() })
  .meta({ id: "CreatedVersion" });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "validation_failed" }),
      message: z.string().meta({ example: "Give your artifact a title." }),
      fields: z.record(z.string(), z.array(z.string())).optional(),
    }),
    current: z.object({ id, version: z.number().int() }).optional().meta({
      description: "On 409 for a stale parent: the artifact's current version.",
    }),
  })
  .meta({ id: "Error" });

export const deletedSchema = z.object({ deleted: z.literal(true) }).meta({ id: "Deleted" });

export const commentCreatedSchema = z.object({ id }).meta({ id: "CommentCreated" });

/** POST /imports: the new artifact. */
export const importedSchema = z
  .object({ id: z.uuid(), versions: z.number().int().min(1) })
  .meta({ id: "Imported" });
