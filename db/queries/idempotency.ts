import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { db } from "@/db/index";
import { apiIdempotency } from "@/db/schema";

// Idempotency-Key records of the JSON API (data/migrations/010_api_tokens.sql): the first response
// to (user, key) is kept for 24 hours and replayed for the same request.

export const IDEMPOTENCY_TTL = sql`interval '24 hours'`;

export type IdempotencyClaim =
  | { state: "claimed" }
  | { state: "replay"; status: number; response: unknown }
  | { state: "mismatch" }
  | { state: "in-progress" };

/**
 * Claims (user, key) for a request whose body hashes to `requestHash`. An expired record is
 * forgotten first. A concurrent duplicate waits on the primary key, then sees the committed claim.
 */
export async function claimIdempotencyKey(
  userId: string,
  key: string,
  requestHash: string,
): Promise<IdempotencyClaim> {
  await db
    .delete(apiIdempotency)
    .where(
      and(
        eq(apiIdempotency.userId, userId),
        lt(apiIdempotency.createdAt, sql`now() - ${IDEMPOTENCY_TTL}`),
      ),
    );
  const inserted = await db
    .insert(apiIdempotency)
    .values({ userId, key, requestHash })
    .onConflictDoNothing()
    .returning({ key: apiIdempotency.key });
  if (inserted.length) return { state: "claimed" };
  const [row] = await db
    .select()
    .from(apiIdempotency)
    .where(and(eq(apiIdempotency.userId, userId), eq(apiIdempotency.key, key)));
  if (!row) return claimIdempotencyKey(userId, key, requestHash); // released meanwhile
  if (row.requestHash !== requestHash) return { state: "mismatch" };
  if (row.status === null) return { state: "in-progress" };
  return { state: "replay", status: row.status, response: row.response };
}

/** Stores the answer given to the claimed key. */
export async function completeIdempotencyKey(
  userId: string,
  key: string,
  status: number,
  response: unknown,
): Promise<void> {
  await db
    .update(apiIdempotency)
    .set({ status, response })
    .where(and(eq(apiIdempotency.userId, userId), eq(apiIdempotency.key, key)));
}

/** Forgets a claim whose request failed on our side, so the client may retry with the same key. */
export async function releaseIdempotencyKey(userId: string, key: string): Promise<void> {
  await db
    .delete(apiIdempotency)
    .where(and(eq(apiIdempotency.userId, userId), eq(apiIdempotency.key, key)));
}
