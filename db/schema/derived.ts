import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

// Renders derived from a version's code, content-addressed (data/migrations/018_derived_renders.sql).
// db/queries/derived-renders.ts owns its SQL.
export const derivedRenders = pgTable(
  "derived_renders",
  {
    blobRef: text("blob_ref").notNull(),
    kind: text("kind", { enum: ["highlight", "preview"] }).notNull(),
    variant: text("variant").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.blobRef, t.kind, t.variant] })],
);
