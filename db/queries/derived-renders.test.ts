// Pruning the content-addressed render cache (018_derived_renders.sql) on the real PostgreSQL.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { getDerivedRender, pruneDerivedRenders, saveDerivedRender } from "./derived-renders";

const key = (blobRef: string) => ({ blobRef, kind: "highlight" as const, variant: "test" });

async function storeAged(blobRef: string, daysOld: number) {
  await saveDerivedRender(key(blobRef), `<pre>${blobRef}</pre>`);
  await db.execute(sql`
    update derived_renders set created_at = now() - make_interval(days => ${daysOld})
    where blob_ref = ${blobRef}`);
}

describe("pruneDerivedRenders", () => {
  it("drops renders older than the limit, in batches, and keeps the recent ones readable", async () => {
    const run = randomUUID();
    const oldCount = 2_050; // more than one batch of 2,000
    const fresh = `fresh-${run}`;
    await db.execute(sql`
      insert into derived_renders (blob_ref, kind, variant, body, created_at)
      select ${`old-${run}-`} || g, 'highlight', 'test', '<pre></pre>', now() - interval '40 days'
      from generate_series(1, ${oldCount}) g`);
    await storeAged(`edge-${run}`, 29);
    await saveDerivedRender(key(fresh), "<pre>fresh</pre>");

    const deleted = await pruneDerivedRenders(30 * 24 * 3600);
    expect(deleted).toBeGreaterThanOrEqual(oldCount);
    const left = await db.execute(sql`
      select count(*)::int as n from derived_renders where blob_ref like ${`old-${run}-%`}`);
    expect((left.rows[0] as { n: number }).n).toBe(0);
    expect(await getDerivedRender(key(`edge-${run}`))).toBe(`<pre>edge-${run}</pre>`);
    expect(await getDerivedRender(key(fresh))).toBe("<pre>fresh</pre>");
  });
});
