import { z } from "zod";
import { LIMITS } from "./artifact";
import { hasUnsafeCharacters, unsafeTextMessage } from "./safe-text";

/** A fork's title has the same limit as any artifact title. */
export const FORK_TITLE_MAX = LIMITS.title;

const versionIndex = z.coerce.number().int().min(1).max(2_147_483_647);
const idempotencyKey = z
  .string()
  .regex(/^[a-f0-9]{32}$/, "This form has expired: reload the page and try again.");

export const forkSchema = z
  .object({
    artifactId: z.uuid("That artifact does not exist."),
    v: z.union([z.literal(""), versionIndex]).optional(),
    title: z
      .string()
      .refine((t) => !hasUnsafeCharacters(t), unsafeTextMessage("Titles"))
      .trim()
      .min(1, "Give your fork a title.")
      .max(FORK_TITLE_MAX, `Titles are at most ${FORK_TITLE_MAX} characters.`),
    visibility: z.enum(["public", "private"], "Choose public or private."),
    idempotencyKey,
  })
  .strict();

export const syncSchema = z
  .object({
    targetId: z.uuid("That artifact does not exist."),
    sourceId: z.uuid("That artifact does not exist."),
    // The exact version the confirmation showed, so a newer upstream version is never pulled unseen.
    sourceVersion: versionIndex,
    idempotencyKey,
  })
  .strict();
