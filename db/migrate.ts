import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { createDatabase } from "./client";

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../data/migrations",
);

// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_KEY = 7_311_020_1;

/**
 * Applies data/migrations in order with Drizzle's migrator. An advisory lock makes two processes
 * starting at once (app + worker, parallel test setup) take turns instead of racing.
 */
export async function migrateDatabase(url: string): Promise<void> {
  const { pool, db } = createDatabase(url, { max: 2, statementTimeoutMs: 600_000 });
  const lock = await pool.connect();
  try {
    await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migrate(db, { migrationsFolder: MIGRATIONS_DIR, migrationsSchema: "public" });
  } finally {
    await lock.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    lock.release();
    await pool.end();
  }
}
