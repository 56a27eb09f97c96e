// Tags and categories against the real PostgreSQL: publish and settings write them, the gallery
// filters and pages by them, private artifacts never show in tag pages, counts or suggestions,
// forks keep them, the CHECKs refuse what the app would, and the tag page and filters use an index.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { artifacts } from "@/db/schema";
import { makeUsers } from "@/db/test/social-fixtures";
import { pgRefusal } from "@/db/test/pg-error";
import { GALLERY_SORTS } from "@/domain/gallery/params";
import type { Category } from "@/domain/tags/tags";
import { createArtifact, deleteArtifact, updateArtifactSettings } from "./artifacts";
import { createFork } from "./forks";
import { galleryQuery, listGallery, type GalleryQuery } from "./gallery";
import { publicTagCount, suggestTags } from "./tags";

async function publish(
  ownerUserId: string,
  opts: { title: string; tags: string[]; category?: Category; visibility?: "public" | "private" },
) {
  return createArtifact({
    ownerUserId,
    idempotencyKey: randomUUID(),
    title: opts.title,
    description: null,
    visibility: opts.visibility ?? "public",
    versioningEnabled: true,
    chatHistoryPublic: false,
    language: "html",
    code: `<h1>${opts.title}</h1>`,
    chat: null,
    tags: opts.tags,
    category: opts.category,
  });
}

async function walk(params: GalleryQuery) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await listGallery({ ...params, cursor });
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return ids;
}

/** tag_counts must always equal a recount of public artifacts per tag. */
async function countsMatchRecount() {
  const drift = await db.execute(sql`
    select coalesce(c.tag, r.tag) tag, c.public_count, r.n from tag_counts c
    full join (select t tag, count(*)::int n from artifacts, unnest(tags) t where visibility = 'public' group by t) r
      on r.tag = c.tag
    where coalesce(c.public_count, 0) <> coalesce(r.n, 0)`);
  expect(drift.rows).toEqual([]);
}

describe("tags and categories", async () => {
  const [alice, bob] = await makeUsers(2, "tag");
  const tagged: string[] = [];
  for (let i = 0; i < 11; i++) {
    const { id } = await publish(i % 2 ? alice! : bob!, {
      title: `Chart ${i}`,
      tags: i % 3 === 0 ? ["charts", "d3"] : ["charts"],
      category: i % 2 ? "dashboard" : "ui",
    });
    tagged.push(id);
  }
  const secret = await publish(alice!, {
    title: "Secret chart",
    tags: ["charts", "secret-project"],
    visibility: "private",
  });
  const untagged = await publish(bob!, { title: "Plain", tags: [] });

  it("publish stores canonical tags and the category (general by default)", async () => {
    const [row] = await db.select().from(artifacts).where(eq(artifacts.id, untagged.id));
    expect(row!.tags).toEqual([]);
    expect(row!.category).toBe("general");
    const [first] = await db.select().from(artifacts).where(eq(artifacts.id, tagged[0]!));
    expect(first!.tags).toEqual(["charts", "d3"]);
    expect(first!.category).toBe("ui");
  });

  it("a tag page walks every public tagged artifact once in every sort, keyset-paged, never the private one", async () => {
    for (const sort of GALLERY_SORTS) {
      const ids = await walk({ sort, tag: "charts", limit: 4 });
      expect(new Set(ids).size, sort).toBe(ids.length);
      expect([...ids].sort(), sort).toEqual([...tagged].sort());
      expect(ids).not.toContain(secret.id);
    }
    const page = await listGallery({ sort: "newest", tag: "charts", limit: 100, viewerId: alice });
    expect(page.items.map((i) => i.id)).not.toContain(secret.id); // not even for its owner
    expect(page.items.every((i) => i.tags.includes("charts"))).toBe(true);
  });

  it("filters by tag and category together, and finds nothing for an unknown tag", async () => {
    const d3Dashboards = await walk({ sort: "newest", tag: "d3", category: "dashboard", limit: 2 });
    expect(d3Dashboards.sort()).toEqual([tagged[3]!, tagged[9]!].sort());
    expect((await listGallery({ sort: "top", tag: "no-such-tag" })).items).toEqual([]);
    expect((await listGallery({ sort: "newest", tag: "secret-project" })).items).toEqual([]);
  });

  it("search matches a tag even when the title does not", async () => {
    const found = await walk({ sort: "newest", q: "D3", limit: 100 });
    expect(found.sort()).toEqual([tagged[0]!, tagged[3]!, tagged[6]!, tagged[9]!].sort());
  });

  it("counts and suggestions see public artifacts only, and follow settings and deletes", async () => {
    expect(await publicTagCount("charts")).toBe(11);
    expect(await publicTagCount("secret-project")).toBe(0);
    expect(await suggestTags("se")).toEqual([]);
    expect(await suggestTags("c")).toEqual(["charts"]);
    expect(await suggestTags("d")).toEqual(["d3"]);
    expect((await suggestTags(""))[0]).toBe("charts"); // the most used public tag first
    expect(await suggestTags("<script>")).toEqual([]);
    expect(await suggestTags("%")).toEqual([]);

    // Making the secret one public counts it; retagging and deleting move the counts back.
    await updateArtifactSettings({
      id: secret.id,
      ownerUserId: alice!,
      title: "Secret chart",
      description: null,
      visibility: "public",
      versioningEnabled: true,
      chatHistoryPublic: false,
    });
    expect(await publicTagCount("charts")).toBe(12);
    expect(await suggestTags("secret")).toEqual(["secret-project"]);
    await countsMatchRecount();
    await updateArtifactSettings({
      id: secret.id,
      ownerUserId: alice!,
      title: "Secret chart",
      description: null,
      visibility: "public",
      versioningEnabled: true,
      chatHistoryPublic: false,
      tags: ["d3"],
      category: "tooling",
    });
    const [row] = await db.select().from(artifacts).where(eq(artifacts.id, secret.id));
    expect([row!.tags, row!.category]).toEqual([["d3"], "tooling"]);
    expect(await publicTagCount("charts")).toBe(11);
    expect(await suggestTags("secret")).toEqual([]);
    await countsMatchRecount();
    // Another user's settings call changes nothing.
    const refused = await updateArtifactSettings({
      id: secret.id,
      ownerUserId: bob!,
      title: "Hijack",
      description: null,
      visibility: "public",
      versioningEnabled: true,
      chatHistoryPublic: false,
      tags: ["hijacked"],
    });
    expect(refused).toBe(false);
    expect(await publicTagCount("hijacked")).toBe(0);
    expect(
      await deleteArtifact({ id: secret.id, ownerUserId: alice!, confirmTitle: "Secret chart" }),
    ).toBe("deleted");
    await countsMatchRecount();
  });

  it("a fork keeps its parent's tags and category", async () => {
    const fork = await createFork({
      viewerId: bob!,
      artifactId: tagged[1]!,
      title: "My chart",
      visibility: "public",
      idempotencyKey: randomUUID(),
    });
    const [row] = await db.select().from(artifacts).where(eq(artifacts.id, fork!.id));
    expect([row!.tags, row!.category]).toEqual([["charts"], "dashboard"]);
    expect(await publicTagCount("charts")).toBe(12);
    await countsMatchRecount();
  });

  it("the database refuses tags the rules refuse (the last layer)", async () => {
    for (const [tags, label] of [
      ["{Upper}", "upper case"],
      ["{<b>}", "HTML"],
      [`{${"a".repeat(31)}}`, "31 characters"],
      ["{a,a}", "duplicate"],
      [`{${Array.from({ length: 21 }, (_, i) => `t${i}`).join(",")}}`, "21 tags"],
    ] as const) {
      await expect(
        db.execute(sql`update artifacts set tags = ${tags}::text[] where id = ${untagged.id}`),
        label,
      ).rejects.toEqual(pgRefusal("23514", "artifacts_tags_check"));
    }
    await expect(
      db.execute(sql`update artifacts set category = 'games' where id = ${untagged.id}`),
    ).rejects.toEqual(pgRefusal("23514", "artifacts_category_check"));
    const [row] = await db.select().from(artifacts).where(eq(artifacts.id, untagged.id));
    expect([row!.tags, row!.category]).toEqual([[], "general"]);
  });
});

describe("tag counts under concurrency", async () => {
  const users = await makeUsers(4, "tagc");
  it("40 concurrent publishes and retags with overlapping tags in different orders leave exact counts", async () => {
    const pool = ["alpha", "beta", "gamma", "delta", "epsilon"];
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        publish(users[i % 4]!, {
          title: `C${i}`,
          tags: i % 2 ? pool.slice(i % 3) : [...pool].reverse().slice(i % 4),
          visibility: i % 5 === 0 ? "private" : "public",
        }),
      ),
    );
    await Promise.all(
      made.map((m, i) =>
        updateArtifactSettings({
          id: m.id,
          ownerUserId: users[i % 4]!,
          title: `C${i}`,
          description: null,
          visibility: i % 3 === 0 ? "private" : "public",
          versioningEnabled: true,
          chatHistoryPublic: false,
          tags: i % 2 ? [...pool].reverse().slice(i % 2) : pool.slice(0, 1 + (i % 5)),
        }),
      ),
    );
    await countsMatchRecount();
  });
});

describe("indexes (EXPLAIN on 5,000 artifacts)", async () => {
  const [owner] = await makeUsers(1, "tagx");
  // Every artifact has its own tag (5,000 suggestion rows); a few have the rare tag and category.
  await db.transaction(async (tx) => {
    // A bulk load on a busy shared machine: the app's 5 s statement limit is for requests.
    await tx.execute(sql`set local statement_timeout = 120000`);
    await tx.execute(sql`
    insert into artifacts (owner_user_id, title, visibility, created_at, tags, category)
    select ${owner}, 'Bulk ' || i, 'public', now() - i * interval '1 minute',
           case when i % 500 = 0 then array['bulk-' || i, 'rare-tag'] else array['bulk-' || i] end,
           case when i % 500 = 0 then 'tooling' else 'general' end
    from generate_series(1, 5000) i`);
  });
  await db.execute(sql`analyze artifacts`);
  await db.execute(sql`analyze tag_counts`);

  async function plan(query: GalleryQuery) {
    const rows = await db.execute(sql`explain ${galleryQuery(query)}`);
    return rows.rows.map((r) => String(Object.values(r)[0])).join("\n");
  }

  it("the tag page and the explore tag filter read the GIN index", async () => {
    expect(await plan({ sort: "newest", tag: "rare-tag" })).toMatch(
      /Bitmap Index Scan on artifacts_tags_idx/,
    );
    expect(await plan({ sort: "top", tag: "rare-tag" })).toMatch(/artifacts_tags_idx/);
    expect((await walk({ sort: "newest", tag: "rare-tag", limit: 3 })).length).toBe(10);
  });

  it("the category filter walks its own index on the default sort", async () => {
    expect(await plan({ sort: "newest", category: "tooling" })).toMatch(
      /artifacts_category_recent_idx/,
    );
  });

  it("tag suggestions use the prefix index", async () => {
    const rows = await db.execute(sql`explain select tag from tag_counts
      where tag like 'bulk-12%' and public_count > 0 order by public_count desc, tag limit 8`);
    expect(rows.rows.map((r) => String(Object.values(r)[0])).join("\n")).toMatch(
      /tag_counts_prefix_idx/,
    );
    expect(await suggestTags("bulk-499")).toEqual([
      "bulk-499",
      "bulk-4990",
      "bulk-4991",
      "bulk-4992",
      "bulk-4993",
      "bulk-4994",
      "bulk-4995",
      "bulk-4996",
    ]);
  });
});
