"use server";

import { z } from "zod";
import { objectAction } from "@/lib/actions";
import { suggestTitleAndDescription } from "@/lib/llm/suggest";
import { consume } from "@/lib/rate-limit";
import { LANGUAGE_KEYS } from "@/domain/languages";

const suggestSchema = z
  .object({
    code: z.string().max(1_048_576, "Code must be at most 1 MB."),
    language: z.enum(LANGUAGE_KEYS as [string, ...string[]]),
    firstUserMessage: z.string().max(20_000).nullable().optional(),
  })
  .strict();

/**
 * "Suggest" on /new: a title and description from the code and the chat's first user message —
 * by the configured model when there is one, locally otherwise. Writes nothing.
 */
export const suggestAction = objectAction(suggestSchema, async (input, viewer) => {
  const limit = await consume("suggest", viewer.id);
  if (!limit.ok) return { status: "error", message: limit.message };
  const suggestion = await suggestTitleAndDescription(input);
  return { status: "success", data: suggestion };
});
