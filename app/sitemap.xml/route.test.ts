// Issue 13: the sitemap is an index of chunks, each a bounded range of ids. Every public artifact
// and every profile with public work is in exactly one chunk; private, hidden and deleted
// artifacts, and profiles with nothing public, are in none — through the real route handlers.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as sitemapIndex } from "@/app/sitemap.xml/route";
import { GET as sitemapChunk } from "@/app/sitemaps/[chunk]/route";
import { db } from "@/db/index";
import { deleteArtifact } from "@/db/queries/artifacts";
import { moderate } from "@/db/queries/moderation";
import { grantRole } from "@/db/queries/roles";
import { makeArtifact, makeUser } from "@/db/test/lineage-fixtures";
import { appOrigin } from "@/lib/env";
import { digitsFor, listSitemapChunks, prefixRange } from "@/db/queries/sitemap";

const origin = appOrigin();

async function chunk(name: string) {
  const res = await sitemapChunk(new Request(`${origin}/sitemaps/${name}`), {
    params: Promise.resolve({ chunk: name }),
  });
  return { status: res.status, body: await res.text() };
}

/** Every URL of every chunk the index names, and how many chunks listed each. */
async function everything() {
  const index = await (await sitemapIndex()).text();
  const names = [...index.matchAll(/\/sitemaps\/([au]-[0-9a-f]+\.xml)<\/loc>/g)].map((m) => m[1]!);
  const urls: string[] = [];
  for (const name of names) {
    const { status, body } = await chunk(name);
    expect(status).toBe(200);
    urls.push(...[...body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
  }
  return { names, urls };
}

describe("the chunked sitemap", () => {
  it("splits ids into even prefix ranges that grow with the table", () => {
    expect(digitsFor(0)).toBe(1);
    expect(digitsFor(80_000)).toBe(1);
    expect(digitsFor(200_000)).toBe(2);
    expect(digitsFor(10_000_000)).toBe(3);
    expect(prefixRange("3f")).toEqual({
      low: "3f000000-0000-0000-0000-000000000000",
      high: "40000000-0000-0000-0000-000000000000",
    });
    expect(prefixRange("f")).toEqual({ low: "f0000000-0000-0000-0000-000000000000", high: null });
  });

  it("lists public artifacts and profiles with public work once; never private, hidden or deleted", async () => {
    const [alice, bob, mod] = [await makeUser(), await makeUser(), await makeUser()];
    await grantRole(mod.handle, "moderator");
    const open = await makeArtifact(alice.id, { title: "Listed" });
    const secret = await makeArtifact(alice.id, { title: "Secret", visibility: "private" });
    const hidden = await makeArtifact(alice.id, { title: "Hidden" });
    const gone = await makeArtifact(alice.id, { title: "Gone" });
    await makeArtifact(bob.id, { title: "Bob's secret", visibility: "private" });
    expect(
      await moderate({
        moderatorId: mod.id,
        action: "hide",
        artifactId: hidden.id,
        reason: "Spam",
      }),
    ).toMatchObject({ status: "ok" });
    expect(await deleteArtifact({ id: gone.id, ownerUserId: alice.id, confirmTitle: "Gone" })).toBe(
      "deleted",
    );

    const { names, urls } = await everything();
    expect(names.length).toBe((await listSitemapChunks()).length);
    expect(urls.filter((u) => u === `${origin}/a/${open.id}`)).toHaveLength(1);
    expect(urls.filter((u) => u === `${origin}/u/${alice.handle}`)).toHaveLength(1);
    expect(urls).toContain(`${origin}/`);
    for (const absent of [secret.id, hidden.id, gone.id]) {
      expect(urls.some((u) => u.includes(absent))).toBe(false);
    }
    expect(urls).not.toContain(`${origin}/u/${bob.handle}`);
    // Every public artifact of the database is listed: the chunks cover the whole id space.
    const { rows } = await db.execute<{ n: number }>(
      sql`select count(*)::int n from artifacts where visibility = 'public' and hidden_at is null`,
    );
    expect(urls.filter((u) => u.includes("/a/")).length).toBe(rows[0]!.n);
  });

  it("answers 404 for a chunk name it does not make", async () => {
    for (const name of ["a-3f", "x-00.xml", "a-00000.xml", "a-zz.xml", "../a-0.xml"]) {
      expect((await chunk(name)).status).toBe(404);
    }
  });
});
