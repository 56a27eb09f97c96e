import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  customType,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { artifactVersions, artifacts } from "./artifacts";
import { users } from "./auth";

// Mirrors data/migrations/014_social_graph.sql (canonical): follows, views, activity. The counter
// columns live on profiles and artifacts; the triggers only in SQL.

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

export const follows = pgTable(
  "follows",
  {
    followerUserId: uuid("follower_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    followeeUserId: uuid("followee_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.followerUserId, t.followeeUserId] }),
    index("follows_follower_idx").on(t.followerUserId, t.createdAt.desc(), t.followeeUserId.desc()),
    index("follows_followee_idx").on(t.followeeUserId, t.createdAt.desc(), t.followerUserId.desc()),
  ],
);

export const artifactViews = pgTable(
  "artifact_views",
  {
    artifactId: uuid("artifact_id")
      .notNull()
      .references(() => artifacts.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    visitor: text("visitor").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.artifactId, t.day, t.visitor] }),
    index("artifact_views_day_idx").on(t.day),
  ],
);

export const artifactViewDays = pgTable(
  "artifact_view_days",
  {
    artifactId: uuid("artifact_id")
      .notNull()
      .references(() => artifacts.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    views: integer("views").notNull(),
    leftWeek: boolean("left_week").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.artifactId, t.day] }),
    index("artifact_view_days_week_idx")
      .on(t.day)
      .where(sql`not ${t.leftWeek}`),
  ],
);

export const viewSalts = pgTable("view_salts", {
  day: date("day").primaryKey(),
  salt: bytea("salt").notNull(),
});

export const activityEvents = pgTable(
  "activity_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ["publish", "version", "fork", "import"] }).notNull(),
    actorUserId: uuid("actor_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    artifactId: uuid("artifact_id")
      .notNull()
      .references(() => artifacts.id, { onDelete: "cascade" }),
    versionId: uuid("version_id").references(() => artifactVersions.id, { onDelete: "cascade" }),
    sourceArtifactId: uuid("source_artifact_id").references(() => artifacts.id, {
      onDelete: "set null",
    }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("activity_events_actor_idx").on(t.actorUserId, t.createdAt.desc(), t.id.desc()),
    index("activity_events_source_idx").on(t.sourceArtifactId, t.kind, t.createdAt),
    index("activity_events_artifact_idx").on(t.artifactId),
    index("activity_events_version_idx").on(t.versionId),
    uniqueIndex("activity_events_publish_once_idx")
      .on(t.artifactId)
      .where(sql`${t.kind} = 'publish'`),
  ],
);
