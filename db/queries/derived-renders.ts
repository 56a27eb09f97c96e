import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/index";
import { derivedRenders } from "@/db/schema";

// Renders derived from a version's code (highlighted HTML, preview payload), shared by every web
// process. Content-addressed: a key's body never changes, so a write that loses a race to another
// process's identical write is simply skipped.

export type DerivedKey = { blobRef: string; kind: "highlight" | "preview"; variant: string };

export async function getDerivedRender(key: DerivedKey): Promise<string | null> {
  const [row] = await db
    .select({ body: derivedRenders.body })
    .from(derivedRenders)
    .where(
      and(
        eq(derivedRenders.blobRef, key.blobRef),
        eq(derivedRenders.kind, key.kind),
        eq(derivedRenders.variant, key.variant),
      ),
    )
    .limit(1);
  return row?.body ?? null;
}

export async function saveDerivedRender(key: DerivedKey, body: string): Promise<void> {
  await db
    .insert(derivedRenders)
    .values({ ...key, body })
    .onConflictDoNothing();
}

/** Rows deleted per statement while pruning: short transactions, no long lock on the table. */
const PRUNE_BATCH = 2_000;

/**
 * Deletes renders stored more than `maxAgeSeconds` ago, in batches; returns how many went. Safe at
 * any time (a deleted render is recomputed and stored again on its next read), and it bounds the
 * table to what was read recently: renders of deleted versions and of older generators go too.
 */
export async function pruneDerivedRenders(maxAgeSeconds: number): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await db.execute(sql`
      delete from derived_renders
      where ctid = any (array(
        select ctid from derived_renders
        where created_at < now() - make_interval(secs => ${maxAgeSeconds})
        limit ${PRUNE_BATCH}))`);
    const deleted = result.rowCount ?? 0;
    total += deleted;
    if (deleted < PRUNE_BATCH) return total;
  }
}
