"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { createFork } from "@/db/queries/forks";
import { forkSchema } from "@/domain/validation/fork";
import { ActionError, formAction } from "@/lib/actions";
import { consume } from "@/lib/rate-limit";

/** Forks a version the viewer may see; anything else is a 404, exactly like an unknown id. */
export const forkArtifact = formAction(forkSchema, async (input, viewer) => {
  const limit = await consume("fork", viewer.id);
  if (!limit.ok) throw new ActionError(limit.message);
  const fork = await createFork({
    viewerId: viewer.id,
    artifactId: input.artifactId,
    versionIndex: typeof input.v === "number" ? input.v : null,
    title: input.title,
    visibility: input.visibility,
    idempotencyKey: input.idempotencyKey,
  });
  if (!fork) notFound();
  revalidatePath(`/a/${input.artifactId}`);
  redirect(`/a/${fork.id}`);
});
