"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { importVersion } from "@/db/queries/imports";
import { syncSchema } from "@/domain/validation/fork";
import { ActionError, formAction } from "@/lib/actions";
import { consume } from "@/lib/rate-limit";

/**
 * "Sync from upstream": imports a version of an artifact the viewer may see into one they own, as
 * its next version. Not theirs / not visible → 404, nothing written.
 */
export const syncFromUpstream = formAction(syncSchema, async (input, viewer) => {
  const limit = await consume("fork", viewer.id);
  if (!limit.ok) throw new ActionError(limit.message);
  const result = await importVersion({
    viewerId: viewer.id,
    targetId: input.targetId,
    sourceId: input.sourceId,
    sourceVersionIndex: input.sourceVersion,
    idempotencyKey: input.idempotencyKey,
  });
  if (!result) notFound();
  revalidatePath(`/a/${input.targetId}`);
  revalidatePath(`/a/${input.sourceId}`);
  redirect(`/a/${input.targetId}`);
});
