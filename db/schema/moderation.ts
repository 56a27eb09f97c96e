import { sql } from "drizzle-orm";
import {
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { artifacts } from "./artifacts";
import { users } from "./auth";
import { comments } from "./social";

// Mirrors data/migrations/013_moderation.sql (canonical); db/schema.test.ts proves they agree.

export const userRoles = pgTable(
  "user_roles",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["moderator"] }).notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

export const moderationActions = pgTable(
  "moderation_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    moderatorUserId: uuid("moderator_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    action: text("action", { enum: ["hide", "restore", "dismiss", "delete_comment"] }).notNull(),
    // No foreign keys: the record outlives the item.
    artifactId: uuid("artifact_id").notNull(),
    commentId: uuid("comment_id"),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("moderation_actions_artifact_idx").on(t.artifactId, t.createdAt.desc(), t.id.desc()),
    index("moderation_actions_moderator_idx").on(t.moderatorUserId),
  ],
);

export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reporterUserId: uuid("reporter_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    artifactId: uuid("artifact_id")
      .notNull()
      .references(() => artifacts.id, { onDelete: "cascade" }),
    commentId: uuid("comment_id").references(() => comments.id, { onDelete: "cascade" }),
    reason: text("reason", {
      enum: ["spam", "abuse", "malware", "illegal", "other"],
    }).notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true, mode: "date" }),
    resolvedByActionId: uuid("resolved_by_action_id").references(() => moderationActions.id, {
      onDelete: "set null",
    }),
  },
  (t) => [
    uniqueIndex("reports_one_open_idx")
      .on(
        t.reporterUserId,
        t.artifactId,
        sql`coalesce(${t.commentId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      )
      .where(sql`${t.resolvedAt} is null`),
    index("reports_open_idx")
      .on(t.artifactId, t.commentId, t.createdAt)
      .where(sql`${t.resolvedAt} is null`),
    index("reports_comment_idx").on(t.commentId),
    index("reports_resolved_by_idx").on(t.resolvedByActionId),
  ],
);

export const moderationAppeals = pgTable(
  "moderation_appeals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    hideActionId: uuid("hide_action_id")
      .notNull()
      .references(() => moderationActions.id, { onDelete: "cascade" }),
    artifactId: uuid("artifact_id")
      .notNull()
      .references(() => artifacts.id, { onDelete: "cascade" }),
    ownerUserId: uuid("owner_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("moderation_appeals_one_per_hide_idx").on(t.hideActionId),
    index("moderation_appeals_open_idx")
      .on(t.artifactId)
      .where(sql`${t.resolvedAt} is null`),
    index("moderation_appeals_owner_idx").on(t.ownerUserId),
  ],
);

export type ReportReason = (typeof reports.$inferSelect)["reason"];
