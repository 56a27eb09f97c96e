import { z } from "zod";
import { CATEGORIES, parseTags } from "@/domain/tags/tags";

// The tags and category fields' zod schemas, apart from domain/tags/tags.ts: that module is also
// imported by client components (the explore controls, the tags field), and a module-level zod
// schema cannot be tree-shaken, so keeping zod there shipped all of zod (~32 KB gzip) to every
// visitor of the explore page.

/** The form's tags field: absent or blank is no tags; anything refused is one clear sentence. */
export const tagsFieldSchema = z
  .string({ error: "Tags must be text." })
  .optional()
  .transform((value, ctx) => {
    const result = parseTags(value ?? "");
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: result.error });
      return z.NEVER;
    }
    return result.tags;
  });

/** The settings form's tags field: absent leaves the tags as they are; present replaces them. */
export const tagsUpdateSchema = z
  .string({ error: "Tags must be text." })
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    const result = parseTags(value);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: result.error });
      return z.NEVER;
    }
    return result.tags;
  });

export const categorySchema = z.enum(CATEGORIES, {
  error: `Choose a category from the list (${CATEGORIES.join(", ")}).`,
});
