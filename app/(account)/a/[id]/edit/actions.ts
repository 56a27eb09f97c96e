"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { createVersion, restoreVersion } from "@/db/queries/versions";
import { formAction } from "@/lib/actions";
import { enqueueThumbnail } from "@/lib/thumbnails/queue";
import { currentRequestId } from "@/lib/log/request";
import { editSchema, restoreSchema } from "@/domain/validation/artifact";

const CONFLICT_MESSAGE = "This artifact changed since you opened it.";

/** Saves a new version against the version the editor opened (owner only, checked in SQL). */
export const saveVersionAction = formAction(editSchema, async (input, viewer) => {
  const result = await createVersion({
    artifactId: input.artifact_id,
    ownerUserId: viewer.id,
    baseVersionId: input.base_version_id,
    code: input.code,
    summary: input.summary,
    label: input.label,
  });
  if (result.status === "not_found") notFound();
  if (result.status === "conflict") {
    // The typed code goes back to the form; current_index lets it link the diff of what changed.
    return {
      status: "error",
      message: CONFLICT_MESSAGE,
      fieldErrors: { base_version_id: [CONFLICT_MESSAGE] },
      values: {
        code: input.code,
        summary: input.summary ?? "",
        label: input.label ?? "",
        base_index: String(result.baseIndex ?? ""),
        current_index: String(result.currentIndex ?? ""),
      },
    };
  }
  await enqueueThumbnail(input.artifact_id, await currentRequestId()); // after the commit; never throws
  revalidatePath(`/a/${input.artifact_id}`);
  // The artifact page says "Saved v3 · See changes". The opened version was the current one (else
  // conflict above) and the new one is numbered next, so the opened one is versionIndex - 1.
  const saved = result.versionIndex;
  redirect(`/a/${input.artifact_id}?saved=${saved}&from=${saved - 1}`);
});

/** Restore = a new version with an old version's content; the old one stays untouched. */
export const restoreVersionAction = formAction(restoreSchema, async (input, viewer) => {
  const result = await restoreVersion({
    artifactId: input.artifact_id,
    ownerUserId: viewer.id,
    versionId: input.version_id,
  });
  if (result.status === "not_found") notFound();
  if (result.status === "conflict") {
    return { status: "error", message: "Someone saved at the same moment. Please try again." };
  }
  await enqueueThumbnail(input.artifact_id, await currentRequestId()); // after the commit; never throws
  revalidatePath(`/a/${input.artifact_id}`);
  redirect(`/a/${input.artifact_id}`);
});
