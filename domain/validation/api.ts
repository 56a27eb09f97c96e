import { z } from "zod";
import { COMMENT_MAX_LENGTH } from "./comment";
import { FORK_TITLE_MAX } from "./fork";
import {
  LIMITS,
  codeSchema,
  descriptionSchema,
  labelSchema,
  languageSchema,
  summarySchema,
  titleSchema,
  visibilitySchema,
} from "./artifact";
import { hasUnsafeCharacters, unsafeTextMessage } from "./safe-text";

// Request bodies of the JSON API (/api/v1, issue 14). Built from the same field schemas as the
// browser's forms (artifact.ts, fork.ts, comment.ts) — same limits, same safe-text rule, same
// sentences — in JSON shapes: booleans instead of checkboxes, version numbers instead of form ids.
// These schemas also generate the OpenAPI document (lib/api/openapi.ts).

const versionNumber = z.number().int().min(1).max(2_147_483_647);

/** A chat transcript as JSON; its limits and sentences are parseChat's (artifact.ts). */
export const chatInputSchema = z
  .union([z.object({ messages: z.array(z.unknown()) }), z.array(z.unknown()), z.null()])
  .optional()
  .meta({
    description: `The conversation that produced the code: { "messages": [{ "role", "content", "created_at"? }] } or a bare array of messages; at most ${LIMITS.chatMessages} messages and 2 MB.`,
  });

export const apiPublishSchema = z
  .object({
    title: titleSchema,
    description: descriptionSchema,
    language: languageSchema,
    code: codeSchema,
    visibility: visibilitySchema.default("private"),
    versioningEnabled: z.boolean().default(true),
    chatHistoryPublic: z.boolean().default(false),
    chat: chatInputSchema,
  })
  .strict()
  .meta({ id: "PublishRequest" });

export const apiSaveVersionSchema = z
  .object({
    parentVersion: versionNumber.meta({
      description:
        "The version this edit was made from: it must still be the current version, or the save is refused with 409 and the current version.",
    }),
    code: codeSchema,
    summary: summarySchema,
    label: labelSchema,
  })
  .strict()
  .meta({ id: "SaveVersionRequest" });

export const apiSettingsSchema = z
  .object({
    title: titleSchema.optional(),
    description: descriptionSchema.optional(),
    visibility: visibilitySchema.optional(),
    versioningEnabled: z.boolean().optional(),
    chatHistoryPublic: z.boolean().optional(),
  })
  .strict()
  .meta({ id: "SettingsRequest", description: "Only the fields sent change." });

export const apiForkSchema = z
  .object({
    version: versionNumber.optional().meta({ description: "Default: the current version." }),
    title: z
      .string()
      .refine((t) => !hasUnsafeCharacters(t), unsafeTextMessage("Titles"))
      .trim()
      .min(1, "Give your fork a title.")
      .max(FORK_TITLE_MAX, `Titles are at most ${FORK_TITLE_MAX} characters.`),
    visibility: visibilitySchema.default("private"),
  })
  .strict()
  .meta({ id: "ForkRequest" });

export const apiSyncSchema = z
  .object({
    sourceId: z.uuid("That artifact does not exist.").meta({
      description: "The artifact to bring a version from, typically the one this was forked from.",
    }),
    sourceVersion: versionNumber.meta({
      description: "The exact upstream version to bring in, so a newer one is never pulled unseen.",
    }),
  })
  .strict()
  .meta({ id: "SyncRequest" });

export const apiCommentSchema = z
  .object({
    body: z
      .string()
      .refine((s) => !hasUnsafeCharacters(s, { multiline: true }), unsafeTextMessage("Comments"))
      .transform((s) => s.trim())
      .pipe(
        z
          .string()
          .min(1, "Write something first — a comment cannot be empty.")
          .max(
            COMMENT_MAX_LENGTH,
            `Comments can be at most ${COMMENT_MAX_LENGTH.toLocaleString("en")} characters long.`,
          ),
      ),
  })
  .strict()
  .meta({ id: "CommentRequest" });

/** `Idempotency-Key`: any printable ASCII up to 200 characters (a UUID is a good choice). */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
