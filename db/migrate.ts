import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

// Applies data/migrations in journal order, refusing a database whose history this code cannot
// vouch for: an applied migration whose file changed since (checksum), an applied migration the
// journal no longer has (renamed or removed), or a pending migration that sorts before one already
// applied (Drizzle's migrator silently skips those — how a database lost 004 and 005).
// The bookkeeping table is Drizzle's own (public.__drizzle_migrations: sha256 of the file, journal
// `when`), so databases migrated before keep their history.

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../data/migrations",
);

// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_KEY = 7_311_020_1;

export class MigrationRefused extends Error {}

/**
 * Earlier versions of migrations that were edited after some databases had applied them (before
 * this check existed). They are accepted as applied; 008_converge brings their objects to head.
 * Never add to this list: edit nothing that is applied, write a new migration.
 */
const SUPERSEDED: Record<string, string> = {
  // 002 before its version-pointer foreign keys became deferrable (e71ddfa).
  ad3d311f9c44f376997d08f6952a4bd31e73d8362167e0cf550d40bf91094fa4: "002_create_artifacts_profiles",
  // 003 as "003_create_rate_limits", before it became 003_accounts with the owner/likes index.
  a43bf59bd3c486a95fd886effb2662cfdfedb48795ec27993dc95197f658b822: "003_accounts",
  // 006 with plain (not deferred) deletion triggers (9e6040c), then with the lineage foreign keys
  // deferred here instead of in 002 (49ecc2e, 7e5d7a1).
  "25bdef7cb1dd68cc5e0835d0e54381e1d7da64fdc68fd5794c58bf124c4b6f85": "006_lineage",
  "37e1de65d00787d730d1648dd2fa3e51c384eb5d51eae0cd5d5ddd232adb0704": "006_lineage",
  d6b51fd6b484be03c78bd0006a63e6c51a7e009807fad333a658d5b25336375f: "006_lineage",
  // 019 before two comment-only edits (3801ba8 moved a comment, 5e2c38a changed a reference in
  // one): the benchmark dataset in .data/bench was migrated with the second.
  b2f0ae8bc00318103adac81532100648d2da3c969da25bb525cd03e6d39f0731: "019_bounded_queries",
  d2ee75668e96a9080f66032d0483ce9b4f99a9b9b678f3a5c62b33eb84ab9725: "019_bounded_queries",
};

/**
 * Migrations merged after a later-numbered one had already been applied on other branches'
 * databases. 004 and 005 only create objects 006 never touches, so applying them after 006 gives the
 * same schema as applying them in order (db/migrate-history.test.ts compares the two).
 */
const MAY_APPLY_LATE = new Set([
  "004_create_social",
  "005_publish_idempotency",
  // 019 was applied on the bounded-queries branch (and the benchmark dataset in .data/bench) before
  // 017 and 018 merged. They create their own tables, functions and triggers; 019 adds columns,
  // indexes and triggers of its own and never reads theirs, so the order does not change the schema.
  "017_page_cache",
  "018_derived_renders",
]);

type Entry = { tag: string; when: number; sql: string; hash: string };

export function readJournal(dir = MIGRATIONS_DIR): Entry[] {
  const journal = JSON.parse(readFileSync(path.join(dir, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  const entries = journal.entries.map(({ tag, when }) => {
    const sql = readFileSync(path.join(dir, `${tag}.sql`), "utf8");
    return { tag, when, sql, hash: createHash("sha256").update(sql).digest("hex") };
  });
  for (let i = 1; i < entries.length; i++) {
    const [prev, next] = [entries[i - 1]!, entries[i]!];
    if (!(next.when > prev.when) || !(next.tag > prev.tag)) {
      throw new MigrationRefused(
        `The migration journal is out of order: ${next.tag} (when ${next.when}) follows ${prev.tag} (when ${prev.when}). ` +
          "Entries must sort the same by name and by `when`.",
      );
    }
  }
  return entries;
}

type Applied = { hash: string; created_at: string };

/** What to apply, or a MigrationRefused naming the migration and what is wrong with it. */
export function planMigrations(
  entries: Entry[],
  applied: Applied[],
  supersededHashes: Record<string, string> = SUPERSEDED,
): Entry[] {
  const byWhen = new Map(entries.map((e) => [e.when, e]));
  const done = new Set<number>();
  for (const row of applied) {
    const when = Number(row.created_at);
    const entry = byWhen.get(when);
    if (!entry) {
      throw new MigrationRefused(
        `The database has a migration applied (journal time ${when}) that data/migrations does not have: was it renamed or removed? ` +
          "Restore it, or migrate this database with the code that created it.",
      );
    }
    if (row.hash !== entry.hash && supersededHashes[row.hash] !== entry.tag) {
      throw new MigrationRefused(
        `Migration ${entry.tag} was changed after this database applied it (checksum ${row.hash.slice(0, 12)}… applied, ` +
          `${entry.hash.slice(0, 12)}… in data/migrations). Never edit an applied migration: restore the file and add a new one.`,
      );
    }
    done.add(when);
  }
  const lastApplied = entries.filter((e) => done.has(e.when)).at(-1);
  const pending = entries.filter((e) => !done.has(e.when));
  for (const entry of pending) {
    if (lastApplied && entry.when < lastApplied.when && !MAY_APPLY_LATE.has(entry.tag)) {
      throw new MigrationRefused(
        `Migration ${entry.tag} is pending but sorts before ${lastApplied.tag}, which this database already applied: ` +
          "applying it now would run it out of order. Renumber it after the last applied migration.",
      );
    }
  }
  return pending;
}

/**
 * Applies what is pending in one transaction (all or nothing). An advisory lock makes processes
 * starting at once (web replicas, worker, parallel test setup) take turns instead of racing.
 * Throws MigrationRefused before changing anything when the history does not add up.
 */
export async function migrateDatabase(
  url: string,
  { dir = MIGRATIONS_DIR, log = (_line: string) => {} } = {},
): Promise<string[]> {
  const entries = readJournal(dir);
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 10_000,
    application_name: "vitrine-migrate",
  });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(
      `create table if not exists public.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
    );
    const { rows } = await client.query<Applied>(
      "select hash, created_at from public.__drizzle_migrations order by created_at, id",
    );
    const pending = planMigrations(entries, rows);
    if (!pending.length) return [];
    await client.query("begin");
    try {
      for (const entry of pending) {
        log(`Applying migration ${entry.tag}…`);
        await client.query(entry.sql);
        await client.query(
          "insert into public.__drizzle_migrations (hash, created_at) values ($1, $2)",
          [entry.hash, entry.when],
        );
      }
      await client.query("commit");
    } catch (err) {
      await client.query("rollback").catch(() => {});
      throw err;
    }
    return pending.map((e) => e.tag);
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}

/** Migrations in data/migrations that the database has not applied (readiness). */
export async function pendingMigrations(
  client: pg.ClientBase | pg.Pool,
  dir = MIGRATIONS_DIR,
): Promise<string[]> {
  const entries = readJournal(dir);
  const { rows } = await client.query<Applied>(
    "select hash, created_at from public.__drizzle_migrations",
  );
  const applied = new Set(rows.map((r) => Number(r.created_at)));
  return entries.filter((e) => !applied.has(e.when)).map((e) => e.tag);
}
