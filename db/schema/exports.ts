import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { artifacts } from "./artifacts";
import { users } from "./auth";

// Mirrors data/migrations/011_export_import.sql. db/queries/archive-import.ts and
// db/queries/account-exports.ts own their SQL.

/** Provenance of an artifact created from a Vitrine zip. */
export const artifactImports = pgTable(
  "artifact_imports",
  {
    artifactId: uuid("artifact_id")
      .primaryKey()
      .references(() => artifacts.id, { onDelete: "cascade" }),
    importedByUserId: uuid("imported_by_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    fileSha256: text("file_sha256").notNull(),
    originalArtifactId: text("original_artifact_id"),
    originalOwnerHandle: text("original_owner_handle"),
    originalExportedAt: timestamp("original_exported_at", { withTimezone: true, mode: "date" }),
    versionCount: integer("version_count").notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true, mode: "date" })
      .notNull()
      .defaultNow(),
  },
  (t) => [index("artifact_imports_user_idx").on(t.importedByUserId, t.importedAt.desc())],
);

/** One background build of an account export; the zip is a stored object while it is ready. */
export const accountExports = pgTable(
  "account_exports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    state: text("state", { enum: ["queued", "running", "ready", "failed"] })
      .notNull()
      .default("queued"),
    objectKey: text("object_key"),
    byteSize: integer("byte_size"),
    artifactCount: integer("artifact_count"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("account_exports_user_idx").on(t.userId, t.createdAt.desc())],
);

export type AccountExport = typeof accountExports.$inferSelect;
