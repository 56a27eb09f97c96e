"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { createFork, FORK_TITLE_MAX } from "@/db/queries/forks";
import { ActionError, formAction } from "@/lib/actions";
import { consume } from "@/lib/rate-limit";

// Control characters (NUL, RTL overrides, zero-width joiners) have no business in a title.
const UNPRINTABLE = /[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

const forkSchema = z
  .object({
    artifactId: z.uuid("That artifact does not exist."),
    v: z.union([z.literal(""), z.coerce.number().int().min(1).max(2_147_483_647)]).optional(),
    title: z
      .string()
      .trim()
      .min(1, "Give your fork a title.")
      .max(FORK_TITLE_MAX, `Titles are at most ${FORK_TITLE_MAX} characters.`)
      .refine((t) => !UNPRINTABLE.test(t), "Titles cannot contain control or invisible characters."),
    visibility: z.enum(["public", "private"], "Choose public or private."),
    idempotencyKey: z.string().regex(/^[a-f0-9]{32}$/, "This form has expired: reload the page and try again."),
  })
  .strict();

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
