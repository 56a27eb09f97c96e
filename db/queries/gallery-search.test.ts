import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { profiles } from "@/db/schema";
import { makeArtifact, makeUsers } from "@/db/test/social-fixtures";
import { galleryQuery, listGallery } from "./gallery";
import { parseSearch } from "./gallery-search";

// Explore's search (issue 16): "@handle" finds that person's artifacts, display names are searched,
// and the owner lookups stay on the profiles indexes.

async function titles(q: string) {
  return (await listGallery({ sort: "newest", q, limit: 100 })).items.map((i) => i.title).sort();
}

describe("gallery search", async () => {
  const [mira, miranda, other] = await makeUsers(3, "srch");
  await db.update(profiles).set({ handle: "mira" }).where(eq(profiles.userId, mira!));
  await db.update(profiles).set({ handle: "miranda_k" }).where(eq(profiles.userId, miranda!));
  await db
    .update(profiles)
    .set({ handle: "zed", displayName: "Ottoline Brusk" })
    .where(eq(profiles.userId, other!));
  for (const [owner, title, visibility] of [
    [mira, "Mira clock", "public"],
    [mira, "Mira secret", "private"],
    [mira, "Plasma", "public"],
    [miranda, "Miranda waves", "public"],
    [other, "Zed clock", "public"],
  ] as const)
    await makeArtifact({ ownerUserId: owner!, title, visibility });

  it("splits an @handle from the words around it", () => {
    expect(parseSearch("@mira")).toEqual({ handle: "mira", text: "" });
    expect(parseSearch("clock @Mira  tick")).toEqual({ handle: "Mira", text: "clock   tick" });
    expect(parseSearch("mail@mira")).toEqual({ handle: null, text: "mail@mira" });
    expect(parseSearch("@")).toEqual({ handle: null, text: "@" });
  });

  it("@handle finds that owner's public artifacts (a prefix finds longer handles too), never private ones", async () => {
    expect(await titles("@mira")).toEqual(["Mira clock", "Miranda waves", "Plasma"]);
    expect(await titles("@MIRANDA_K")).toEqual(["Miranda waves"]);
    expect(await titles("@mira clock")).toEqual(["Mira clock"]);
    expect(await titles("@nobody-at-all")).toEqual([]);
    // "_" is literal, not a LIKE wildcard: "mira_" does not reach "miranda_k".
    expect(await titles("@mira_")).toEqual([]);
  });

  it("plain words match display names as well as titles and handles", async () => {
    expect(await titles("ottoline")).toEqual(["Zed clock"]);
    expect(await titles("brusk")).toEqual(["Zed clock"]);
    expect(await titles("clock")).toEqual(["Mira clock", "Zed clock"]);
  });

  it("the owner lookups use the profiles indexes (EXPLAIN)", async () => {
    // A table this small is read sequentially by choice; forbid that to see which indexes qualify.
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const explain = async (q: string) => {
        const query = galleryQuery({ sort: "newest", q }).toSQL();
        const rows = await tx.execute(
          sql.raw(
            `explain ${query.sql.replace(/\$(\d+)/g, (_, n) => {
              const v = query.params[Number(n) - 1];
              return typeof v === "number" ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
            })}`,
          ),
        );
        return rows.rows
          .map((r) => String((r as { "QUERY PLAN": string })["QUERY PLAN"]))
          .join("\n");
      };
      return { handle: await explain("@mira"), words: await explain("ottoline") };
    });
    expect(plan.handle).toMatch(/profiles_handle_(lower|trgm)_idx/);
    expect(plan.words).toContain("profiles_display_name_trgm_idx");
    expect(plan.words).toContain("profiles_handle_trgm_idx");
  });
});
