import "server-only";
import { z } from "zod";
import { chatPreviewOf, transcriptFromForm, type ChatPreview } from "@/domain/chat-import/form";
import { LIMITS, chatPreviewSchema, languageSchema } from "@/domain/validation/artifact";
import { ActionError, type ActionState } from "@/lib/actions";
import type { Viewer } from "@/lib/auth/viewer";
import type { PreviewPayload } from "@/lib/preview/messages";
import { buildPreviewPayload } from "@/lib/preview/payload";
import { consume } from "@/lib/rate-limit";

// The editor's two server round trips, kept out of the "use server" file so their tests can call
// them through runAction with a viewer of their own. Both only read what was posted: nothing is
// stored, and nothing here touches another person's data.

export const livePreviewSchema = z
  .object({
    language: languageSchema,
    // Empty is fine here (the editor starts empty); the size limit is the publish form's.
    code: z
      .string({ error: "Code must be text." })
      .max(LIMITS.codeBytes, "Code must be at most 1 MB."),
  })
  .strict();

/**
 * The payload the artifact page would post into the sandbox for this code: the same
 * buildPreviewPayload (transpile, packages, Tailwind), so the editor's preview is the artifact's.
 * null for languages without a preview and for empty code.
 */
export async function livePreview(
  input: z.infer<typeof livePreviewSchema>,
  viewer: Viewer,
): Promise<ActionState<PreviewPayload | null>> {
  const limit = await consume("editor-preview", viewer.id);
  if (!limit.ok) throw new ActionError(limit.message);
  if (!input.code.trim()) return { status: "success", data: null };
  return { status: "success", data: await buildPreviewPayload(input.language, input.code) };
}

/**
 * The transcript as the publish action will read it (same function, same sentences), trimmed for
 * the preview. "success" with no data means there is no transcript.
 */
export async function chatPreview(
  input: z.infer<typeof chatPreviewSchema>,
): Promise<ActionState<ChatPreview>> {
  const transcript = await transcriptFromForm(input);
  if (transcript.status === "error")
    throw new ActionError(transcript.error, { chat: [transcript.error] });
  if (transcript.status === "empty") return { status: "success" };
  return { status: "success", data: chatPreviewOf(transcript) };
}
