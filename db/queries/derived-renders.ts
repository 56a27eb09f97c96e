import "server-only";
import { and, eq } from "drizzle-orm";
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
