import "server-only";
import type pg from "pg";
import { env } from "@/lib/env";
import { createDatabase, type Database } from "./client";

export type { Database } from "./client";

type Cached = { pool: pg.Pool; db: Database };
// Cached on globalThis so dev-mode hot reloads reuse one pool instead of leaking connections.
const globalForDb = globalThis as unknown as { vitrineDb?: Cached };

function getCached(): Cached {
  if (!globalForDb.vitrineDb) {
    if (!env.DATABASE_URL) {
      throw new Error("DATABASE_URL is not set: start the app with `npm start` or `npm run dev`.");
    }
    globalForDb.vitrineDb = createDatabase(env.DATABASE_URL, {
      max: env.DB_POOL_MAX,
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
      lockTimeoutMs: env.DB_LOCK_TIMEOUT_MS,
    });
  }
  return globalForDb.vitrineDb;
}

/** The app's one Drizzle instance. The pool is made on first use, so importing this never connects. */
export const db: Database = new Proxy({} as Database, {
  get(_target, prop) {
    const real = getCached().db as unknown as Record<string | symbol, unknown>;
    const value = real[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

export function getPool(): pg.Pool {
  return getCached().pool;
}

/** Closes the pool (tests). */
export async function closeDb(): Promise<void> {
  const cached = globalForDb.vitrineDb;
  globalForDb.vitrineDb = undefined;
  if (cached) await cached.pool.end();
}
