import { z } from "zod";
import { safeString } from "./safe-text";

// Reports, moderator actions and appeals (issue 15 part 3). One safe-text rule, limited lengths.

// The reasons and limits are plain values in ./moderation-limits.ts, so the report form (client
// JavaScript on every artifact page) can use them without shipping zod.
export * from "./moderation-limits";
import {
  APPEAL_TEXT_MAX,
  MODERATION_ACTIONS,
  MODERATION_REASON_MAX,
  REPORT_REASONS,
  REPORT_TEXT_MAX,
} from "./moderation-limits";

/** An empty optional field from a form is absent, not an invalid id. */
const optionalUuid = z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional());

export const reportSchema = z
  .object({
    artifactId: z.uuid(),
    commentId: optionalUuid,
    reason: z.enum(REPORT_REASONS, { error: "Choose a reason from the list." }),
    body: safeString("The report", REPORT_TEXT_MAX, { multiline: true }).transform((s) => s.trim()),
  })
  .strict()
  .refine((r) => r.reason !== "other" || r.body.length > 0, {
    path: ["body"],
    message: "Say what is wrong when you choose “Other”.",
  });

const requiredText = (label: string, max: number, empty: string) =>
  safeString(label, max, { multiline: true })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, empty));

export const moderationActionSchema = z
  .object({
    action: z.enum(MODERATION_ACTIONS, { error: "Unknown moderation action." }),
    artifactId: z.uuid(),
    commentId: optionalUuid,
    reason: requiredText(
      "The reason",
      MODERATION_REASON_MAX,
      "Give a reason — every moderation action is recorded with why.",
    ),
  })
  .strict()
  .refine((a) => a.action !== "delete_comment" || Boolean(a.commentId), {
    path: ["action"],
    message: "Delete comment applies to a comment.",
  })
  .refine((a) => !(a.commentId && (a.action === "hide" || a.action === "restore")), {
    path: ["action"],
    message: "Comments can be deleted or their reports dismissed, not hidden.",
  });

export const appealSchema = z
  .object({
    artifactId: z.uuid(),
    body: requiredText("The appeal", APPEAL_TEXT_MAX, "Write why the decision should change."),
  })
  .strict();
