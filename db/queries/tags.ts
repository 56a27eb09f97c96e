import "server-only";
import { and, desc, gt, like, sql } from "drizzle-orm";
import { db } from "@/db/index";
import { tagCounts } from "@/db/schema";
import { canonicalTag, TAG_PATTERN } from "@/domain/tags/tags";

// Tag suggestions and counts. tag_counts counts public artifacts only (the artifacts_tag_counts
// trigger, 012_tags.sql), so a tag used only on private work is never suggested nor counted.

export const TAG_SUGGESTIONS = 8;

/** Popular public tags starting with what was typed (prefix index on tag_counts), most used first. */
export async function suggestTags(prefix: string, limit = TAG_SUGGESTIONS): Promise<string[]> {
  const start = canonicalTag(prefix.slice(0, 60));
  // Only a-z 0-9 - can start a tag; anything else has no suggestions (and no LIKE metacharacters).
  if (start && !/^[a-z0-9-]+$/.test(start)) return [];
  const rows = await db
    .select({ tag: tagCounts.tag })
    .from(tagCounts)
    .where(and(start ? like(tagCounts.tag, `${start}%`) : undefined, gt(tagCounts.publicCount, 0)))
    .orderBy(desc(tagCounts.publicCount), tagCounts.tag)
    .limit(Math.min(Math.max(limit, 1), 20));
  return rows.map((r) => r.tag);
}

/** How many public artifacts carry this tag (0 for an unknown or invalid tag). */
export async function publicTagCount(tag: string): Promise<number> {
  if (!TAG_PATTERN.test(tag)) return 0;
  const [row] = await db
    .select({ n: tagCounts.publicCount })
    .from(tagCounts)
    .where(sql`${tagCounts.tag} = ${tag}`);
  return row?.n ?? 0;
}
