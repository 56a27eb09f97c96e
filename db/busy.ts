// Overload, said plainly. One hot row or a burst used to exhaust the 10-connection pool: writes
// queued on a locked row held every connection, and unrelated pages failed with the pool's generic
// connect timeout. Now (1) every connection has a lock_timeout (db/client.ts), so a write waits for a
// row lock a bounded time; (2) writes take a slot from a gate sized below the pool, so reads always
// keep connections of their own; (3) a write that cannot get a slot in time, a lock wait that times
// out, or a pool that cannot hand out a connection is a BusyError: "busy, try again", a 503 with
// Retry-After for JSON — never a 500, and never an outage of everything else.
import { env } from "@/lib/env";

export const BUSY_MESSAGE =
  "Vitrine is busy right now, so nothing was saved. Please try again in a few seconds.";
export const BUSY_RETRY_AFTER_SECONDS = 5;

export class BusyError extends Error {
  constructor(reason: string) {
    super(`${BUSY_MESSAGE} (${reason})`);
    this.name = "BusyError";
  }
}

/** A lock wait that hit lock_timeout, or the pool's connect timeout, or our own gate. */
export function isBusy(err: unknown): boolean {
  if (err instanceof BusyError) return true;
  // Drizzle wraps driver errors; the PostgreSQL one is the cause.
  for (
    let e: unknown = err, depth = 0;
    e && depth < 4;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (code === "55P03") return true; // lock_not_available: lock_timeout
    // query_canceled by statement_timeout: a write that queued for a row lock more than once (each
    // wait is bounded by lock_timeout) or a database too loaded to answer — busy, either way.
    if (code === "57014") return true;
    // deadlock_detected: PostgreSQL rolled one transaction back (counters kept by triggers lock the
    // rows they count, 019) — nothing was saved, and trying again works.
    if (code === "40P01") return true;
    const message = e instanceof Error ? e.message : "";
    if (message.includes("timeout exceeded when trying to connect")) return true;
  }
  return false;
}

export const UNAVAILABLE_MESSAGE =
  "Vitrine lost its connection to the database, so nothing was saved. Please try again in a moment.";

// SQLSTATEs of a server going away under us: admin_shutdown (a restart), crash_shutdown,
// cannot_connect_now (starting up), and class 08 (connection exceptions).
const UNAVAILABLE_CODES = new Set(["57P01", "57P02", "57P03"]);
const UNAVAILABLE_ERRNOS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
]);

/**
 * The database restarted, crashed or cannot be reached. A transaction cut off this way is rolled
 * back by PostgreSQL, so "nothing was saved" is true; the pool replaces the dead connection.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (
    let e: unknown = err, depth = 0;
    e && depth < 4;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08")))
      return true;
    if (typeof code === "string" && UNAVAILABLE_ERRNOS.has(code)) return true;
    const message = e instanceof Error ? e.message : "";
    if (/Connection terminated|Client has encountered a connection error/.test(message))
      return true;
  }
  return false;
}

/** JSON answer to overload. */
export function busyResponse(): Response {
  return Response.json(
    { error: BUSY_MESSAGE },
    {
      status: 503,
      headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
    },
  );
}

// The gate: at most WRITE_SLOTS writes hold connections at once; the rest wait their turn (FIFO) for
// at most DB_WRITE_QUEUE_MS, then are told the site is busy.
const RESERVED_FOR_READS = Math.min(3, env.DB_POOL_MAX - 1);
export const WRITE_SLOTS = Math.max(1, env.DB_POOL_MAX - RESERVED_FOR_READS);

let active = 0;
const waiting: Array<() => void> = [];

function acquire(): Promise<void> {
  if (active < WRITE_SLOTS) {
    active++;
    return Promise.resolve();
  }
  return new Promise<void>((resolve, reject) => {
    const grant = () => {
      clearTimeout(timer);
      resolve(); // the releasing write hands its slot over: `active` is unchanged
    };
    const timer = setTimeout(() => {
      const i = waiting.indexOf(grant);
      if (i >= 0) waiting.splice(i, 1);
      reject(new BusyError("no write slot"));
    }, env.DB_WRITE_QUEUE_MS);
    waiting.push(grant);
  });
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else active--;
}

/** Runs one write (its whole transaction) in a write slot. */
export async function withWriteSlot<T>(write: () => Promise<T>): Promise<T> {
  await acquire();
  try {
    return await write();
  } finally {
    release();
  }
}

/** JSON answer to a database that cannot be reached or is restarting. */
export function unavailableResponse(): Response {
  return Response.json(
    { error: UNAVAILABLE_MESSAGE },
    {
      status: 503,
      headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
    },
  );
}

/** Wraps a JSON route handler: overload or a database outage becomes 503 + Retry-After with a sentence. */
export function answeringBusy<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (err) {
      if (isBusy(err)) return busyResponse();
      if (isDatabaseUnavailable(err)) return unavailableResponse();
      throw err;
    }
  };
}
