import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";

export const profiles = pgTable(
  "profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    handle: text("handle").notNull(),
    displayName: text("display_name"),
    bio: text("bio"),
    avatarUrl: text("avatar_url"),
    age: integer("age"),
    gender: text("gender"),
    // Shown on the public profile only when opted in (migration 015; default off).
    showAge: boolean("show_age").notNull().default(false),
    showGender: boolean("show_gender").notNull().default(false),
    city: text("city"),
    country: text("country"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    // 014_social_graph.sql: kept exact by db/queries/follows.ts.
    followersCount: integer("followers_count").notNull().default(0),
    followingCount: integer("following_count").notNull().default(0),
    // 019_bounded_queries.sql: what anyone may see of this user's work, kept by triggers on
    // artifacts in the same transaction as the write (public and not hidden only).
    publicArtifactsCount: integer("public_artifacts_count").notNull().default(0),
    likesReceivedCount: integer("likes_received_count").notNull().default(0),
    forksReceivedCount: integer("forks_received_count").notNull().default(0),
  },
  (t) => [
    uniqueIndex("profiles_handle_lower_idx").on(sql`lower(${t.handle})`),
    // Search by owner handle (pg_trgm, migration 004).
    // 020: gin_pending_list_limit caps the pending list a search reads (256 kB).
    index("profiles_handle_trgm_idx")
      .using("gin", sql`${t.handle} gin_trgm_ops`)
      .with({ gin_pending_list_limit: 256 }),
    // …and by display name (migration 015).
    index("profiles_display_name_trgm_idx")
      .using("gin", sql`${t.displayName} gin_trgm_ops`)
      .with({ gin_pending_list_limit: 256 }),
  ],
);

export type Profile = typeof profiles.$inferSelect;
