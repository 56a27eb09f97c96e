import { z } from "zod";
import { hasUnsafeCharacters, unsafeTextMessage } from "./safe-text";

export const COMMENT_MAX_LENGTH = 5000;

export const postCommentSchema = z
  .object({
    artifactId: z.uuid(),
    body: z
      .string()
      .refine((s) => !hasUnsafeCharacters(s, { multiline: true }), unsafeTextMessage("Comments"))
      .transform((s) => s.trim())
      .pipe(
        z
          .string()
          .min(1, "Write something first — a comment cannot be empty.")
          .max(
            COMMENT_MAX_LENGTH,
            `Comments can be at most ${COMMENT_MAX_LENGTH.toLocaleString("en")} characters long.`,
          ),
      ),
  })
  .strict();

export const deleteCommentSchema = z.object({ commentId: z.uuid(), artifactId: z.uuid() }).strict();

export const toggleLikeSchema = z.object({ artifactId: z.uuid(), like: z.boolean() }).strict();
