import { z } from "zod";
import { LANGUAGE_KEYS } from "@/domain/languages";
import { categorySchema, tagsFieldSchema, tagsUpdateSchema } from "@/domain/validation/tags";
import { safeString, type SafeTextOptions } from "./safe-text";

// The limits of an artifact and its versions: zod is the second of three layers (request body limit,
// these schemas, the database CHECKs). Every message names the limit, so a refusal explains itself.
export const LIMITS = {
  title: 120,
  description: 5_000,
  codeBytes: 1_048_576,
  chatBytes: 2_097_152,
  chatMessages: 500,
  label: 40,
  summary: 500,
} as const;

const NO_NUL = (value: string) => !value.includes("\u0000");

/** An optional text field under the safe-text rule: empty (after trimming) becomes null. */
function optionalText(name: string, max: number, options: SafeTextOptions = {}) {
  return safeString(name, max, options)
    .optional()
    .transform((value) => {
      const trimmed = value?.trim();
      return trimmed ? trimmed : null;
    });
}

export const titleSchema = safeString("Title", LIMITS.title)
  .transform((value) => value.trim())
  .refine((value) => value.length > 0, "Give your artifact a title.");

export const descriptionSchema = optionalText("Description", LIMITS.description, {
  multiline: true,
});
export const labelSchema = optionalText("Label", LIMITS.label);
export const summarySchema = optionalText("Summary", LIMITS.summary, { multiline: true });

export const languageSchema = z.enum(LANGUAGE_KEYS as [string, ...string[]], {
  error: `Choose a language from the list (${LANGUAGE_KEYS.join(", ")}).`,
});

export const codeSchema = z
  .string({ error: "Code must be text." })
  .refine(
    (value) => Buffer.byteLength(value, "utf8") <= LIMITS.codeBytes,
    "Code must be at most 1 MB.",
  )
  .refine(NO_NUL, "Code contains a NUL byte, which is not allowed.")
  .refine((value) => value.trim().length > 0, "Code cannot be empty.");

export const visibilitySchema = z.enum(["public", "private"], {
  error: "Visibility must be public or private.",
});

/** An HTML checkbox: present ("on") when ticked, absent when not. */
export const checkboxSchema = z
  .literal("on", { error: "Unexpected checkbox value." })
  .optional()
  .transform((value) => value === "on");

// ---- chat transcripts -----------------------------------------------------------------------

export type ChatMessage = { role: string; content: string; created_at?: string };
export type Chat = { messages: ChatMessage[] };

const chatMessageSchema = z
  .object({
    role: z.string().min(1).max(40).refine(NO_NUL),
    content: z.string().refine(NO_NUL),
    created_at: z.string().max(64).optional(),
  })
  .strict();

function describeMessageProblem(message: unknown, n: number): string | null {
  if (!message || typeof message !== "object" || Array.isArray(message))
    return `Chat message ${n} is not an object.`;
  const m = message as Record<string, unknown>;
  if (typeof m.role !== "string" || !m.role) return `Chat message ${n} has no role.`;
  if (m.role.length > 40) return `Chat message ${n} has a role longer than 40 characters.`;
  if (!("content" in m) || m.content === null || m.content === undefined)
    return `Chat message ${n} has no content.`;
  if (typeof m.content !== "string") return `Chat message ${n} content must be text.`;
  if (m.created_at !== undefined && typeof m.created_at !== "string")
    return `Chat message ${n} created_at must be text.`;
  if (typeof m.created_at === "string" && m.created_at.length > 64)
    return `Chat message ${n} created_at is longer than 64 characters.`;
  const extra = Object.keys(m).filter((k) => !["role", "content", "created_at"].includes(k));
  if (extra.length) return `Chat message ${n} has an unexpected field: ${extra.join(", ")}.`;
  if (m.role.includes("\u0000") || m.content.includes("\u0000"))
    return `Chat message ${n} contains a NUL byte.`;
  return null;
}

/**
 * Parses a pasted or uploaded transcript: `{ "messages": [...] }` or a bare array of
 * `{ role, content }`. Returns the chat, null for "no transcript", or an error sentence naming what
 * is wrong (which message, which limit).
 */
export function parseChat(
  raw: string | null | undefined,
): { chat: Chat | null } | { error: string } {
  const source = raw?.trim();
  if (!source) return { chat: null };
  if (Buffer.byteLength(source, "utf8") > LIMITS.chatBytes)
    return { error: "The chat transcript must be at most 2 MB." };
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch {
    return { error: "The chat transcript is not valid JSON." };
  }
  let list: unknown;
  if (Array.isArray(json)) list = json;
  else if (json && typeof json === "object") {
    const keys = Object.keys(json);
    const extra = keys.filter((k) => k !== "messages");
    if (extra.length)
      return { error: `The chat transcript has an unexpected field: ${extra.join(", ")}.` };
    list = (json as { messages?: unknown }).messages;
    if (!Array.isArray(list)) return { error: 'The chat transcript needs a "messages" array.' };
  } else {
    return { error: 'The chat transcript must be { "messages": [...] } or an array of messages.' };
  }
  const messages = list as unknown[];
  if (messages.length > LIMITS.chatMessages)
    return { error: "The chat transcript can have at most 500 messages." };
  const out: ChatMessage[] = [];
  for (const [i, message] of messages.entries()) {
    const problem = describeMessageProblem(message, i + 1);
    if (problem) return { error: problem };
    const parsed = chatMessageSchema.safeParse(message);
    // describeMessageProblem names every limit; this is the backstop, still a sentence.
    if (!parsed.success)
      return {
        error: `Chat message ${i + 1} is not valid: ${parsed.error.issues[0]?.message ?? "check its fields"}.`,
      };
    out.push(parsed.data);
  }
  return { chat: { messages: out } };
}

// ---- form schemas (strict: unknown fields such as owner_user_id or __proto__ are refused) --------

const idempotencyKey = z.uuid("The form is out of date; reload the page and try again.");
export const chatText = z
  .string()
  .max(LIMITS.chatBytes + 1024, "The chat transcript must be at most 2 MB.")
  .optional();
export const chatFile = z
  .file()
  .max(LIMITS.chatBytes, "The chat transcript must be at most 2 MB.")
  .optional();

export const publishSchema = z
  .object({
    idempotency_key: idempotencyKey,
    title: titleSchema,
    description: descriptionSchema,
    language: languageSchema,
    code: codeSchema,
    visibility: visibilitySchema.default("private"),
    versioning_enabled: checkboxSchema,
    chat_history_public: checkboxSchema,
    chat: chatText,
    chat_file: chatFile,
    tags: tagsFieldSchema,
    category: categorySchema.default("general"),
    chat_conversation: z.string().max(200).optional(),
  })
  .strict();

/** The transcript alone, read on the server for the preview shown before publishing. */
export const chatPreviewSchema = z
  .object({
    chat: chatText,
    chat_file: chatFile,
    chat_conversation: z.string().max(200).optional(),
  })
  .strict();

export const editSchema = z
  .object({
    artifact_id: z.uuid("Not found."),
    base_version_id: z.uuid("The form is out of date; reload the page and try again."),
    code: codeSchema,
    summary: summarySchema,
    label: labelSchema,
  })
  .strict();

export const restoreSchema = z
  .object({
    artifact_id: z.uuid("Not found."),
    version_id: z.uuid("Not found."),
  })
  .strict();

export const settingsSchema = z
  .object({
    artifact_id: z.uuid("Not found."),
    title: titleSchema,
    description: descriptionSchema,
    visibility: visibilitySchema,
    versioning_enabled: checkboxSchema,
    chat_history_public: checkboxSchema,
    tags: tagsUpdateSchema,
    category: categorySchema.optional(),
  })
  .strict();

export const deleteSchema = z
  .object({
    artifact_id: z.uuid("Not found."),
    confirm_title: z.string().max(LIMITS.title + 10, "Type the title exactly to confirm."),
  })
  .strict();
