"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAccountExport } from "@/db/queries/account-exports";
import { ActionError, formAction } from "@/lib/actions";
import { enqueueAccountExport } from "@/lib/archive/account-job";
import { consume } from "@/lib/rate-limit";

/** Queues a background build of the viewer's account export (one at a time; a second click finds the first). */
export const requestAccountExportAction = formAction(
  z.object({}).strict(),
  async (_input, viewer) => {
    const limit = await consume("publish", viewer.id);
    if (!limit.ok) throw new ActionError(limit.message);
    const { id, created } = await createAccountExport(viewer.id);
    if (created) await enqueueAccountExport(id);
    revalidatePath("/settings/export");
    return {
      status: "success",
      message: created
        ? "Your export is being prepared. This page shows its progress; the link appears when it is ready."
        : "An export is already being prepared.",
    };
  },
);
