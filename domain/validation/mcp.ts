import { z } from "zod";
import { GALLERY_SORTS, MAX_QUERY_LENGTH } from "@/domain/gallery/params";
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
import { forkSchema } from "./fork";

// The arguments of the MCP tools (/api/mcp, issue 14). Built from the same field schemas as the
// browser's forms (artifact.ts, fork.ts) — same limits, same safe-text rule, same sentences — with
// JSON types: numbers for versions, booleans instead of checkboxes, the chat as JSON. The MCP SDK
// turns these into each tool's JSON Schema and validates every call against them. Strict: an
// unknown argument (owner_user_id, likes_count, a typo) is refused by name, never silently dropped.

const artifactId = z.uuid("That artifact does not exist.").describe("The artifact's id (a UUID).");
const versionNumber = (description: string) =>
  z
    .number({ error: "A version is a whole number, 1 or more." })
    .int("A version is a whole number, 1 or more.")
    .min(1, "A version is a whole number, 1 or more.")
    .max(2_147_483_647, "A version is a whole number, 1 or more.")
    .describe(description);

// Loose, not stripping: unknown fields reach parseChat, which refuses them by name (as the form does).
const chatMessage = z.looseObject({
  role: z.string().describe('Who spoke: "user", "assistant", …'),
  content: z.string().describe("What they said (Markdown)."),
  created_at: z.string().optional().describe("When (ISO 8601), optional."),
});

/** The conversation that produced the code. Its limits and sentences are parseChat's (artifact.ts). */
export const mcpChatSchema = z
  .union([z.array(chatMessage), z.object({ messages: z.array(chatMessage) })])
  .optional()
  .describe(
    `The conversation that produced this code, as provenance: an array of { role, content, created_at? } (or { messages: [...] }); at most ${LIMITS.chatMessages} messages and 2 MB.`,
  );

export const searchArtifactsInput = z.strictObject({
  query: z
    .string()
    .trim()
    .max(MAX_QUERY_LENGTH, `Search terms can be at most ${MAX_QUERY_LENGTH} characters long.`)
    .optional()
    .describe("Words in the title, description or the owner's handle. Omit to list everything."),
  language: languageSchema.optional().describe("Only artifacts in this language."),
  sort: z
    .enum(GALLERY_SORTS, { error: `Sort by one of: ${GALLERY_SORTS.join(", ")}.` })
    .default("newest")
    .describe("Order of the results."),
  cursor: z
    .string()
    .max(500, "That cursor is not one we gave out.")
    .optional()
    .describe("next_cursor of the previous page."),
  limit: z
    .number()
    .int("limit is a whole number from 1 to 50.")
    .min(1, "limit is a whole number from 1 to 50.")
    .max(50, "limit is a whole number from 1 to 50.")
    .default(20),
});

export const getArtifactInput = z.strictObject({
  artifact_id: artifactId,
  version: versionNumber("Which version; the current one when omitted.").optional(),
});

export const publishArtifactInput = z.strictObject({
  title: titleSchema.describe(`Title, at most ${LIMITS.title} characters.`),
  language: languageSchema.describe("The code's language (html, jsx, tsx, svg, markdown, …)."),
  code: codeSchema.describe("The whole source, at most 1 MB."),
  description: descriptionSchema.describe("A Markdown description, optional."),
  visibility: visibilitySchema
    .default("private")
    .describe("public: anyone may see it; private (default): only you."),
  versioning_enabled: z
    .boolean()
    .default(true)
    .describe("Whether others may see older versions (when public)."),
  chat_history_public: z
    .boolean()
    .default(false)
    .describe("Whether others may read the chat (when public)."),
  chat: mcpChatSchema,
  idempotency_key: z
    .uuid("idempotency_key must be a UUID.")
    .optional()
    .describe("Send the same UUID when retrying a call: the artifact is created once."),
});

export const saveVersionInput = z.strictObject({
  artifact_id: artifactId,
  expected_parent_version: versionNumber(
    "The version this code was edited from. It must still be the current version, or the save is refused and you are told the current one.",
  ),
  code: codeSchema.describe("The whole new source, at most 1 MB."),
  summary: summarySchema.describe("What changed, in a sentence (optional)."),
  label: labelSchema.describe("A short name for this version, e.g. 'dark mode' (optional)."),
  chat: mcpChatSchema,
});

export const forkArtifactInput = z.strictObject({
  artifact_id: artifactId,
  version: versionNumber("Which version to fork; the current one when omitted.").optional(),
  title: forkSchema.shape.title
    .optional()
    .describe("The fork's title; the original's title when omitted."),
  visibility: forkSchema.shape.visibility.default("private"),
});

export const diffVersionsInput = z.strictObject({
  artifact_id: artifactId,
  from: versionNumber(
    "The old side; default: the version `to` was made from (or the one before it).",
  ).optional(),
  to: versionNumber("The new side; default: the current version.").optional(),
  ignore_whitespace: z.boolean().default(false),
});
