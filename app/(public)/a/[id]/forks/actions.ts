"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { importVersion } from "@/db/queries/imports";
import { ActionError, formAction } from "@/lib/actions";
import { consume } from "@/lib/rate-limit";

const syncSchema = z
  .object({
    targetId: z.uuid("That artifact does not exist."),
    sourceId: z.uuid("That artifact does not exist."),
    // The exact version the confirmation showed, so a newer upstream version is never pulled unseen.
    sourceVersion: z.coerce.number().int().min(1).max(2_147_483_647),
    idempotencyKey: z.string().regex(/^[a-f0-9]{32}$/, "This form has expired: reload the page and try again."),
  })
  .strict();

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
