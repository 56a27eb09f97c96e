"use server";

import { redirect } from "next/navigation";
import { importFormSchema } from "@/domain/validation/archive";
import { ActionError, formAction } from "@/lib/actions";
import { importUploadedArchive } from "@/lib/archive/import-upload";
import { consume } from "@/lib/rate-limit";
import { enqueueThumbnail } from "@/lib/thumbnails/queue";
import { currentRequestId } from "@/lib/log/request";

/** Import a Vitrine zip as a new private artifact of the viewer's, its history kept; or one sentence why not. */
export const importArchiveAction = formAction(importFormSchema, async (input, viewer) => {
  const limit = await consume("publish", viewer.id);
  if (!limit.ok) throw new ActionError(limit.message);
  const outcome = await importUploadedArchive({
    ownerUserId: viewer.id,
    bytes: new Uint8Array(await input.file.arrayBuffer()),
    fileName: input.file.name,
    pick: input.artifact,
  });
  // The archive's content is refused, not the field: one sentence, in the form's message.
  if (outcome.status === "refused") throw new ActionError(outcome.message);
  await enqueueThumbnail(outcome.id, await currentRequestId()); // after the commit; never throws
  redirect(`/a/${outcome.id}/versions`);
});
