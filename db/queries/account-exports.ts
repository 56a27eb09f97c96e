import "server-only";
import { and, desc, eq, getTableColumns, sql } from "drizzle-orm";
import { db } from "@/db/index";
import { accountExports, storedObjects, type AccountExport } from "@/db/schema";

// The rows of background account exports (lib/archive/account-job.ts). Every read is scoped to
// the owner in SQL: someone else's export id is simply no row.

/** A new queued export for the user; at most one queued or running at a time (the existing one is returned). */
export async function createAccountExport(
  userId: string,
): Promise<{ id: string; created: boolean }> {
  return db.transaction(async (tx) => {
    // Serialises two clicks of the same user: the second sees the first's row.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`account-export:${userId}`}, 0))`,
    );
    const [busy] = await tx
      .select({ id: accountExports.id })
      .from(accountExports)
      .where(
        and(
          eq(accountExports.userId, userId),
          sql`${accountExports.state} in ('queued', 'running')`,
        ),
      );
    if (busy) return { id: busy.id, created: false };
    const [row] = await tx
      .insert(accountExports)
      .values({ userId })
      .returning({ id: accountExports.id });
    return { id: row!.id, created: true };
  });
}

/** The user's exports, newest first (the page lists the last few); `expired` by the database clock. */
export async function listAccountExports(
  userId: string,
  limit = 5,
): Promise<(AccountExport & { expired: boolean })[]> {
  return db
    .select({
      ...getTableColumns(accountExports),
      expired: sql<boolean>`coalesce(${accountExports.expiresAt} <= now(), false)`,
    })
    .from(accountExports)
    .where(eq(accountExports.userId, userId))
    .orderBy(desc(accountExports.createdAt))
    .limit(limit);
}

/** The job takes its row: queued → running. Null when it is gone or already taken. */
export async function startAccountExport(id: string): Promise<AccountExport | null> {
  const [row] = await db
    .update(accountExports)
    .set({ state: "running" })
    .where(and(eq(accountExports.id, id), sql`${accountExports.state} in ('queued', 'running')`))
    .returning();
  return row ?? null;
}

/** Where an export's parts live in the object store: `exports/<user>/<export>/`. */
export function exportPrefix(userId: string, exportId: string): string {
  return `exports/${userId}/${exportId}/`;
}

/** The most one stored object may hold (stored_objects' byte_size CHECK). */
export const EXPORT_PART_BYTES = 8 * 1024 * 1024;

/** Stores part `n` (1-based) of an export's zip. */
export async function putExportPart(input: {
  userId: string;
  exportId: string;
  n: number;
  bytes: Buffer;
}): Promise<void> {
  await db
    .insert(storedObjects)
    .values({
      key: `${exportPrefix(input.userId, input.exportId)}part-${String(input.n).padStart(5, "0")}`,
      bytes: input.bytes,
      contentType: "application/zip",
      etag: `${input.exportId}-${input.n}`,
      byteSize: input.bytes.length,
    })
    .onConflictDoUpdate({
      target: storedObjects.key,
      set: { bytes: input.bytes, byteSize: input.bytes.length },
    });
}

/** Marks the export ready once every part is stored; it expires `ttlHours` later. */
export async function finishAccountExport(input: {
  id: string;
  userId: string;
  byteSize: number;
  artifactCount: number;
  ttlHours: number;
}): Promise<void> {
  await db
    .update(accountExports)
    .set({
      state: "ready",
      objectKey: exportPrefix(input.userId, input.id),
      byteSize: input.byteSize,
      artifactCount: input.artifactCount,
      error: null,
      finishedAt: sql`now()`,
      expiresAt: sql`now() + make_interval(hours => ${input.ttlHours})`,
    })
    .where(eq(accountExports.id, input.id));
}

/** Deletes whatever parts an unfinished attempt stored: a failed build leaves no object. */
export async function deleteExportParts(userId: string, exportId: string): Promise<void> {
  await db
    .delete(storedObjects)
    .where(sql`starts_with(${storedObjects.key}, ${exportPrefix(userId, exportId)})`);
}

export async function failAccountExport(id: string, error: string): Promise<void> {
  await db
    .update(accountExports)
    .set({ state: "failed", error: error.slice(0, 500), finishedAt: sql`now()` })
    .where(eq(accountExports.id, id));
}

/**
 * The owner's ready, unexpired export: its size and the keys of its parts in order; null for anyone
 * else, for an export that is not ready, or once it expired.
 */
export async function getAccountExportDownload({ id, userId }: { id: string; userId: string }) {
  const [row] = await db
    .select({ prefix: accountExports.objectKey, byteSize: accountExports.byteSize })
    .from(accountExports)
    .where(
      and(
        eq(accountExports.id, id),
        eq(accountExports.userId, userId),
        eq(accountExports.state, "ready"),
        sql`${accountExports.expiresAt} > now()`,
      ),
    );
  if (!row?.prefix) return null;
  const parts = await db
    .select({ key: storedObjects.key })
    .from(storedObjects)
    .where(sql`starts_with(${storedObjects.key}, ${row.prefix})`)
    .orderBy(storedObjects.key);
  return { byteSize: row.byteSize ?? 0, parts: parts.map((p) => p.key) };
}

/** One part's bytes (keys come from getAccountExportDownload, which checked the owner). */
export async function readExportPart(key: string): Promise<Buffer | null> {
  const [row] = await db
    .select({ bytes: storedObjects.bytes })
    .from(storedObjects)
    .where(eq(storedObjects.key, key));
  return row?.bytes ?? null;
}

/**
 * Deletes the zips of expired exports from the object store (run by the job before each build) and
 * forgets their keys; the rows stay, so the page can say "expired". One statement. Returns how many.
 */
export async function purgeExpiredAccountExports(): Promise<number> {
  const result = await db.execute(sql`
    with expired as (
      select id, object_key from account_exports
       where expires_at < now() and object_key is not null
       for update skip locked
    ), gone as (
      delete from stored_objects s using expired e where starts_with(s.key, e.object_key)
    )
    update account_exports a set object_key = null from expired where a.id = expired.id`);
  return result.rowCount ?? 0;
}
