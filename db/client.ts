import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";

export type Database = NodePgDatabase<typeof schema>;

export type PoolOptions = {
  max?: number;
  statementTimeoutMs?: number;
  lockTimeoutMs?: number;
  /** How long a checkout waits for a free connection before "busy" (db/busy.ts). */
  connectTimeoutMs?: number;
};

/**
 * The one way to make a pool + Drizzle instance. The app's singleton (db/index.ts), the CLI
 * (migrate, seed, benchmarks) and the tests all go through here.
 */
export function createDatabase(
  url: string,
  opts: PoolOptions = {},
): { pool: pg.Pool; db: Database } {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 30000,
    // A runaway query must not hold a connection forever.
    statement_timeout: opts.statementTimeoutMs ?? 5000,
    // A write queued on a hot row gives its connection back instead of waiting out statement_timeout
    // (db/busy.ts turns the 55P03 into "busy, try again"). 0 (off) for tools that hold locks on purpose.
    lock_timeout: opts.lockTimeoutMs ?? 0,
    idle_in_transaction_session_timeout: 30000,
    application_name: "vitrine",
  });
  // An idle client dies when the database restarts; without a listener that error would crash the
  // process. The pool discards the client and makes a new one on the next checkout.
  pool.on("error", (err) => {
    console.error(`[db] idle client error (the pool will reconnect): ${err.message}`);
  });
  // A checked-out client whose connection dies (a restart in the middle of a transaction) emits
  // "error" while the pool has no listener on it: unhandled, that would crash the whole process. Its
  // query rejects anyway (answered as "the database is unavailable", db/busy.ts) and the pool drops
  // the client on release; this listener only keeps the process alive.
  pool.on("connect", (client) => {
    client.on("error", (err) => {
      console.error(`[db] connection lost during a query: ${err.message}`);
    });
  });
  return { pool, db: drizzle({ client: pool, schema }) };
}
