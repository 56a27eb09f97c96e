import { check, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

// Mirrors data/migrations/012_tags.sql: public artifacts per tag, kept exact by the
// artifacts_tag_counts trigger (never written by the app). Read by the tag suggestions.
export const tagCounts = pgTable(
  "tag_counts",
  {
    tag: text("tag").primaryKey(),
    publicCount: integer("public_count").notNull().default(0),
  },
  (t) => [
    index("tag_counts_prefix_idx").on(t.tag.op("text_pattern_ops"), t.publicCount),
    check("tag_counts_public_count_check", sql`${t.publicCount} >= 0`),
  ],
);
