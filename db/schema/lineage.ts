import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { artifactVersions, artifacts } from "./artifacts";
import { users } from "./auth";

// Mirrors data/migrations/006_lineage.sql. One row per fork/import request key, so a double
// submit finds the first request's result instead of writing twice.
export const lineageRequests = pgTable(
  "lineage_requests",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    idempotencyKey: text("idempotency_key").notNull(),
    kind: text("kind", { enum: ["fork", "import"] }).notNull(),
    artifactId: uuid("artifact_id")
      .notNull()
      .references(() => artifacts.id, { onDelete: "cascade" }),
    versionId: uuid("version_id").references(() => artifactVersions.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.idempotencyKey] }),
    index("lineage_requests_artifact_idx").on(t.artifactId),
    index("lineage_requests_version_idx").on(t.versionId),
  ],
);

export type LineageRequest = typeof lineageRequests.$inferSelect;
