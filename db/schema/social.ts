import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { artifactVersions, artifacts } from "./artifacts";
import { users } from "./auth";

// Mirrors data/migrations/004_create_social.sql (canonical); db/schema.test.ts proves they agree.
// The trigram search indexes and the trending trigger live only in SQL (Drizzle cannot express them).

export const likes = pgTable(
  "likes",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    artifactId: uuid("artifact_id")
      .notNull()
      .references(() => artifacts.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.artifactId, t.userId] }),
    index("likes_user_idx").on(t.userId, t.createdAt.desc(), t.artifactId.desc()),
  ],
);

export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    artifactId: uuid("artifact_id")
      .notNull()
      .references(() => artifacts.id, { onDelete: "cascade" }),
    authorUserId: uuid("author_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    versionId: uuid("version_id").references(() => artifactVersions.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("comments_artifact_idx").on(t.artifactId, t.createdAt.desc(), t.id.desc()),
    index("comments_author_idx").on(t.authorUserId),
    index("comments_version_idx").on(t.versionId),
  ],
);

export type Like = typeof likes.$inferSelect;
export type Comment = typeof comments.$inferSelect;
