import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

// Mirrors data/migrations/017_page_cache.sql (canonical), including its triggers' purpose: the shared
// page cache of anonymous public pages (lib/page-cache, db/queries/page-cache.ts).

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });
/** A 64-bit transaction id (never wraps), as pg_current_xact_id() returns it; read as text. */
const xid8 = customType<{ data: string }>({ dataType: () => "xid8" });
/** pg_current_snapshot(): xmin:xmax:xip-list, read as text. */
const pgSnapshot = customType<{ data: string }>({ dataType: () => "pg_snapshot" });

export const pageCache = pgTable(
  "page_cache",
  {
    key: text("key").primaryKey(),
    status: integer("status").notNull(),
    body: bytea("body").notNull(),
    contentType: text("content_type").notNull(),
    headers: jsonb("headers")
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    scriptHashes: text("script_hashes")
      .array()
      .notNull()
      .default(sql`'{}'`),
    etag: text("etag").notNull(),
    tags: text("tags").array().notNull(),
    snapshot: pgSnapshot("snapshot").notNull(),
    storedAt: timestamp("stored_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("page_cache_stored_at_idx").on(t.storedAt)],
);

export const pageCacheInvalidations = pgTable(
  "page_cache_invalidations",
  {
    tag: text("tag").notNull(),
    xid: xid8("xid").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("page_cache_invalidations_tag_xid_idx").on(t.tag, t.xid)],
);

export const pageCacheWatermark = pgTable("page_cache_watermark", {
  id: boolean("id").primaryKey().default(true),
  belowXid: xid8("below_xid").notNull(),
});
