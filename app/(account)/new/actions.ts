"use server";

import { redirect } from "next/navigation";
import { createArtifact } from "@/db/queries/artifacts";
import { ActionError, formAction } from "@/lib/actions";
import { consume } from "@/lib/rate-limit";
import { enqueueThumbnail } from "@/lib/thumbnails/queue";
import { currentRequestId } from "@/lib/log/request";
import { publishSchema } from "@/domain/validation/artifact";
import { transcriptFromForm } from "@/domain/chat-import/form";

/** Publish: the artifact and its version 1 in one transaction; a replayed form returns the first one. */
export const publishAction = formAction(publishSchema, async (input, viewer) => {
  const limit = await consume("publish", viewer.id);
  if (!limit.ok) throw new ActionError(limit.message);
  // Pasted text, either export's JSON or our own; refused with the reader's sentence, typed text kept.
  const transcript = await transcriptFromForm(input);
  if (transcript.status === "error")
    throw new ActionError(transcript.error, { chat: [transcript.error] });
  const { id } = await createArtifact({
    ownerUserId: viewer.id,
    idempotencyKey: input.idempotency_key,
    title: input.title,
    description: input.description,
    visibility: input.visibility,
    versioningEnabled: input.versioning_enabled,
    chatHistoryPublic: input.chat_history_public,
    language: input.language,
    code: input.code,
    chat: transcript.status === "ok" ? transcript.chat : null,
    tags: input.tags,
    category: input.category,
  });
  await enqueueThumbnail(id, await currentRequestId()); // after the commit; never throws
  redirect(`/a/${id}`);
});
