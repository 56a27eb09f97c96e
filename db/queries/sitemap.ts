import "server-only";
import { and, asc, gt, gte, lt, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { db } from "@/db/index";
import { artifacts, profiles } from "@/db/schema";
import { visibleTo } from "./visibility";

// The sitemap, in chunks (issue 13): /sitemap.xml is an index of chunks, each chunk one range of
// ids. Ids are random uuids (v4, or md5-shaped for seeded data), so a range of leading hex digits
// holds an even share of the rows: chunk "a-3f" is the artifacts whose id starts with 3f, read as a
// bounded range scan of the primary key. The number of digits grows with the table (from
// PostgreSQL's row estimate) so a chunk stays near CHUNK_TARGET rows at any scale, far under the
// 50,000 URLs a sitemap may hold. Public and not hidden only: private, hidden and deleted
// artifacts are never listed; a profile is listed when it has public work (its counter, 019).

export const CHUNK_TARGET = 5000;
const MAX_DIGITS = 4;

export type SitemapKind = "a" | "u";
export type SitemapChunk = { kind: SitemapKind; prefix: string };
export type SitemapEntry = { path: string; updatedAt: Date };

const CHUNK_ID = /^([au])-([0-9a-f]{1,4})$/;

export function parseChunkId(id: string): SitemapChunk | null {
  const m = CHUNK_ID.exec(id);
  return m ? { kind: m[1] as SitemapKind, prefix: m[2]! } : null;
}

export const chunkId = (c: SitemapChunk) => `${c.kind}-${c.prefix}`;

/** How many leading hex digits split `rows` into chunks of about CHUNK_TARGET. */
export function digitsFor(rows: number): number {
  let digits = 1;
  while (digits < MAX_DIGITS && rows / 16 ** digits > CHUNK_TARGET) digits++;
  return digits;
}

/** Every chunk id, from the planner's row estimates (no scan). */
export async function listSitemapChunks(): Promise<SitemapChunk[]> {
  const { rows } = await db.execute<{ relname: string; n: number }>(sql`
    select relname, greatest(reltuples, 0)::float8 as n from pg_class
    where relname in ('artifacts', 'profiles') and relkind = 'r'`);
  const estimate = (name: string) => Number(rows.find((r) => r.relname === name)?.n ?? 0);
  const chunks: SitemapChunk[] = [];
  for (const [kind, table] of [
    ["a", "artifacts"],
    ["u", "profiles"],
  ] as const) {
    const digits = digitsFor(estimate(table));
    for (let i = 0; i < 16 ** digits; i++) {
      chunks.push({ kind, prefix: i.toString(16).padStart(digits, "0") });
    }
  }
  return chunks;
}

/** The uuid range [low, high) of a prefix; high is null for the last one (ff…). */
export function prefixRange(prefix: string): { low: string; high: string | null } {
  const toUuid = (hex: string) =>
    `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const low = toUuid(prefix.padEnd(32, "0"));
  const next = parseInt(prefix, 16) + 1;
  if (next >= 16 ** prefix.length) return { low, high: null };
  return { low, high: toUuid(next.toString(16).padStart(prefix.length, "0").padEnd(32, "0")) };
}

function inRange(column: AnyPgColumn, prefix: string): SQL {
  const { low, high } = prefixRange(prefix);
  return and(gte(column, low), high ? lt(column, high) : undefined) as SQL;
}

/** The public artifacts of one chunk: a bounded range of the primary key. */
export function sitemapArtifactsQuery(prefix: string) {
  return db
    .select({ id: artifacts.id, updatedAt: artifacts.updatedAt })
    .from(artifacts)
    .where(and(inRange(artifacts.id, prefix), visibleTo(artifacts, null)))
    .orderBy(asc(artifacts.id));
}

/** The profiles with public work of one chunk (their counter, kept by 019's triggers). */
export function sitemapProfilesQuery(prefix: string) {
  return db
    .select({ handle: profiles.handle, updatedAt: profiles.updatedAt })
    .from(profiles)
    .where(and(inRange(profiles.userId, prefix), gt(profiles.publicArtifactsCount, 0)))
    .orderBy(asc(profiles.userId));
}

/** One chunk's entries, public things only. */
export async function listSitemapChunk(chunk: SitemapChunk): Promise<SitemapEntry[]> {
  if (chunk.kind === "a") {
    const rows = await sitemapArtifactsQuery(chunk.prefix);
    return rows.map((r) => ({ path: `/a/${r.id}`, updatedAt: r.updatedAt }));
  }
  const rows = await sitemapProfilesQuery(chunk.prefix);
  return rows.map((r) => ({ path: `/u/${r.handle}`, updatedAt: r.updatedAt }));
}

/** The chunk an artifact or a profile is listed in (tests and the e2e spec follow the index). */
export async function sitemapChunkOf(kind: SitemapKind, id: string): Promise<SitemapChunk> {
  const chunks = await listSitemapChunks();
  const found = chunks.find((c) => c.kind === kind && id.startsWith(c.prefix));
  if (!found) throw new Error(`no sitemap chunk for ${kind} ${id}`);
  return found;
}
