import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { CATEGORIES } from "../../domain/tags/tags";
import { users } from "./auth";

// Mirrors data/migrations/002_create_artifacts_profiles.sql (the canonical schema);
// db/schema.test.ts proves the two agree.
export const artifacts = pgTable(
  "artifacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerUserId: uuid("owner_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    visibility: text("visibility", { enum: ["public", "private"] })
      .notNull()
      .default("private"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    forkedFromId: uuid("forked_from_id").references((): AnyPgColumn => artifacts.id, {
      onDelete: "set null",
    }),
    forkedFromOwnerUserId: uuid("forked_from_owner_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    forkedFromVersionId: uuid("forked_from_version_id").references(
      (): AnyPgColumn => artifactVersions.id,
      { onDelete: "set null" },
    ),
    forkedFromVersionLabel: text("forked_from_version_label"),
    originArtifactId: uuid("origin_artifact_id").references((): AnyPgColumn => artifacts.id, {
      onDelete: "set null",
    }),
    originOwnerUserId: uuid("origin_owner_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    forksCount: integer("forks_count").notNull().default(0),
    /** Forks anyone may see (007_security.sql triggers): the number shown, never forksCount. */
    publicForksCount: integer("public_forks_count").notNull().default(0),
    importsCount: integer("imports_count").notNull().default(0),
    likesCount: integer("likes_count").notNull().default(0),
    commentsCount: integer("comments_count").notNull().default(0),
    currentVersionId: uuid("current_version_id").references(
      (): AnyPgColumn => artifactVersions.id,
      { onDelete: "set null" },
    ),
    versioningEnabled: boolean("versioning_enabled").notNull().default(true),
    chatHistoryPublic: boolean("chat_history_public").notNull().default(false),
    sourceSession: jsonb("source_session"),
    // Added by 004_create_social.sql: time-decayed likes + forks, see that migration.
    trendingScore: doublePrecision("trending_score").notNull().default(0),
    // Added by 012_tags.sql: canonical tags (domain/tags) and one category.
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    category: text("category", { enum: CATEGORIES }).notNull().default("general"),
    // 014_social_graph.sql: counted views, ever and in the last seven UTC days (db/queries/views.ts).
    viewsCount: integer("views_count").notNull().default(0),
    viewsWeek: integer("views_week").notNull().default(0),
    // Added by 013_moderation.sql: set while a moderator has hidden it (absent like private).
    hiddenAt: timestamp("hidden_at", { withTimezone: true, mode: "date" }),
    // 019_bounded_queries.sql: the current version's language, set by a trigger whenever
    // current_version_id moves (the language filter's indexes start with it).
    currentLanguage: text("current_language"),
    // 019: on an origin, how many members of its lineage anyone may see (kept by triggers).
    publicLineageCount: integer("public_lineage_count").notNull().default(0),
  },
  (t) => [
    index("artifacts_recent_idx").on(t.visibility, t.createdAt.desc(), t.id.desc()),
    index("artifacts_top_idx").on(t.visibility, t.likesCount.desc(), t.id.desc()),
    index("artifacts_most_forked_idx").on(t.visibility, t.forksCount.desc(), t.id.desc()),
    index("artifacts_most_public_forked_idx").on(
      t.visibility,
      t.publicForksCount.desc(),
      t.id.desc(),
    ),
    index("artifacts_owner_idx").on(t.ownerUserId, t.visibility, t.createdAt.desc(), t.id.desc()),
    index("artifacts_forked_from_idx").on(t.forkedFromId, t.createdAt.desc(), t.id.desc()),
    index("artifacts_origin_idx").on(t.originArtifactId),
    index("artifacts_forked_from_likes_idx").on(t.forkedFromId, t.likesCount.desc(), t.id.desc()),
    index("artifacts_forked_from_owner_idx").on(t.forkedFromOwnerUserId),
    index("artifacts_origin_owner_idx").on(t.originOwnerUserId),
    index("artifacts_forked_from_version_idx").on(t.forkedFromVersionId),
    index("artifacts_current_version_idx").on(t.currentVersionId),
    index("artifacts_trending_idx").on(t.visibility, t.trendingScore.desc(), t.id.desc()),
    index("artifacts_views_week_idx").on(t.visibility, t.viewsWeek.desc(), t.id.desc()),
    index("artifacts_owner_likes_idx").on(
      t.ownerUserId,
      t.visibility,
      t.likesCount.desc(),
      t.id.desc(),
    ),
    // Search over title + description (pg_trgm, migration 004).
    // 020: a search reads the whole GIN pending list; 256 kB caps it.
    index("artifacts_search_trgm_idx")
      .using("gin", sql`(${t.title} || ' ' || coalesce(${t.description}, '')) gin_trgm_ops`)
      .with({ gin_pending_list_limit: 256 }),
    index("artifacts_tags_idx").using("gin", t.tags).with({ gin_pending_list_limit: 256 }),
    index("artifacts_category_recent_idx").on(
      t.category,
      t.visibility,
      t.createdAt.desc(),
      t.id.desc(),
    ),
    // 005_publish_idempotency: a replayed publish form collides here and gets the first artifact.
    // 019: the language filter, one partial index per Explore sort.
    index("artifacts_lang_recent_idx")
      .on(t.currentLanguage, t.createdAt.desc(), t.id.desc())
      .where(sql`${t.visibility} = 'public'`),
    index("artifacts_lang_top_idx")
      .on(t.currentLanguage, t.likesCount.desc(), t.id.desc())
      .where(sql`${t.visibility} = 'public'`),
    index("artifacts_lang_forked_idx")
      .on(t.currentLanguage, t.publicForksCount.desc(), t.id.desc())
      .where(sql`${t.visibility} = 'public'`),
    index("artifacts_lang_trending_idx")
      .on(t.currentLanguage, t.trendingScore.desc(), t.id.desc())
      .where(sql`${t.visibility} = 'public'`),
    index("artifacts_lang_viewed_idx")
      .on(t.currentLanguage, t.viewsWeek.desc(), t.id.desc())
      .where(sql`${t.visibility} = 'public'`),
    // 019: the lineage members beyond the public count (a viewer's own private or hidden ones).
    index("artifacts_origin_unlisted_idx")
      .on(t.originArtifactId, t.ownerUserId)
      .where(sql`not (${t.visibility} = 'public' and ${t.hiddenAt} is null)`),
    // 020: the direct forks beyond the public count (a viewer's own private or hidden ones).
    index("artifacts_forked_from_unlisted_idx")
      .on(t.forkedFromId, t.ownerUserId)
      .where(sql`not (${t.visibility} = 'public' and ${t.hiddenAt} is null)`),
    // 020: a sitemap chunk, an index-only range of the public ids (INCLUDE (updated_at) in the SQL).
    index("artifacts_sitemap_idx")
      .on(t.id)
      .where(sql`${t.visibility} = 'public' and ${t.hiddenAt} is null`),
    uniqueIndex("artifacts_owner_idempotency_idx")
      .on(t.ownerUserId, sql`(${t.sourceSession} ->> 'idempotency_key')`)
      .where(sql`${t.sourceSession} ? 'idempotency_key'`),
  ],
);

export const artifactVersions = pgTable(
  "artifact_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    artifactId: uuid("artifact_id")
      .notNull()
      .references((): AnyPgColumn => artifacts.id, { onDelete: "cascade" }),
    versionIndex: integer("version_index").notNull(),
    codeBlobRef: text("code_blob_ref").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    summary: text("summary"),
    label: text("label"),
    sessionId: text("session_id"),
    codeLanguage: text("code_language").notNull(),
    codeContent: text("code_content").notNull(),
    codeVersions: jsonb("code_versions"),
    chat: jsonb("chat"),
    stats: jsonb("stats")
      .notNull()
      .default(sql`'{}'::jsonb`),
    versionMetadata: jsonb("version_metadata")
      .notNull()
      .default(sql`'{}'::jsonb`),
    codeReferences: jsonb("code_references")
      .notNull()
      .default(sql`'[]'::jsonb`),
    parentVersionId: uuid("parent_version_id").references((): AnyPgColumn => artifactVersions.id, {
      onDelete: "set null",
    }),
  },
  (t) => [
    uniqueIndex("artifact_versions_artifact_index_idx").on(t.artifactId, t.versionIndex),
    index("artifact_versions_parent_idx").on(t.parentVersionId),
  ],
);

export const artifactMedia = pgTable("artifact_media", {
  artifactId: uuid("artifact_id")
    .primaryKey()
    .references(() => artifacts.id, { onDelete: "cascade" }),
  screenshotUrl: text("screenshot_url"),
  thumbUrl: text("thumb_url"),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export type Artifact = typeof artifacts.$inferSelect;
export type ArtifactVersion = typeof artifactVersions.$inferSelect;
export type ArtifactMedia = typeof artifactMedia.$inferSelect;
