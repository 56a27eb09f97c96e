import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { artifactVersions, artifacts, profiles, users } from "@/db/schema";
import {
  getProfileByHandle,
  getProfileStats,
  listProfileArtifacts,
  updateProfile,
} from "./profiles";
import { createUserWithPassword, deleteUser } from "./users";

async function makeUser(handle: string) {
  const created = await createUserWithPassword({
    email: `${handle}@example.test`,
    handle,
    passwordHash: "x",
  });
  if (!created.ok) throw new Error(created.reason);
  return created.userId;
}

async function makeArtifact(
  ownerUserId: string,
  title: string,
  visibility: "public" | "private",
  extra: Partial<typeof artifacts.$inferInsert> = {},
) {
  const [row] = await db
    .insert(artifacts)
    .values({ ownerUserId, title, visibility, ...extra })
    .returning({ id: artifacts.id });
  return row!.id;
}

let alice: string;
let bob: string;
let alicePublic: string;

beforeAll(async () => {
  alice = await makeUser("alice");
  bob = await makeUser("bob");
  alicePublic = await makeArtifact(alice, "Public one", "public", { likesCount: 4, forksCount: 2 });
  await makeArtifact(alice, "Public two", "public", { likesCount: 1 });
  await makeArtifact(alice, "Hidden", "private", { likesCount: 100, forksCount: 7 });
  await makeArtifact(bob, "Bob's public fork", "public", {
    forkedFromId: alicePublic,
    forkedFromVersionLabel: "v1",
  });
  await makeArtifact(bob, "Bob's private fork", "private", {
    forkedFromId: alicePublic,
    forkedFromVersionLabel: "v1",
  });
});

describe("profile queries", () => {
  it("finds profiles case-insensitively", async () => {
    expect((await getProfileByHandle("ALICE"))?.userId).toBe(alice);
    expect(await getProfileByHandle("nobody")).toBeNull();
  });

  it("counts public things only: private artifacts, their likes, and private forks are left out", async () => {
    expect(await getProfileStats(alice)).toEqual({
      publicArtifacts: 2,
      likesReceived: 5,
      forksReceived: 1,
    });
    expect(await getProfileStats(bob)).toEqual({
      publicArtifacts: 1,
      likesReceived: 0,
      forksReceived: 0,
    });
  });

  it("lists private artifacts to their owner only", async () => {
    const titles = async (viewerId: string | null) =>
      (
        await listProfileArtifacts({
          ownerUserId: alice,
          viewerId,
          tab: "artifacts",
          sort: "newest",
        })
      ).items.map((a) => a.title);
    expect(await titles(null)).not.toContain("Hidden");
    expect(await titles(bob)).not.toContain("Hidden");
    expect(await titles(alice)).toContain("Hidden");
  });

  it("a card shows its current version's language, and follows a new version", async () => {
    const id = await makeArtifact(alice, "Polyglot", "public");
    const addVersion = async (versionIndex: number, codeLanguage: string) => {
      const [v] = await db
        .insert(artifactVersions)
        .values({
          artifactId: id,
          versionIndex,
          codeLanguage,
          codeContent: "x",
          codeBlobRef: `polyglot-${versionIndex}`,
        })
        .returning({ id: artifactVersions.id });
      await db
        .update(artifacts)
        .set({ currentVersionId: v!.id })
        .where(sql`id = ${id}`);
    };
    const language = async () =>
      (
        await listProfileArtifacts({
          ownerUserId: alice,
          viewerId: null,
          tab: "artifacts",
          sort: "newest",
        })
      ).items.find((a) => a.id === id)?.language;
    await addVersion(1, "html");
    expect(await language()).toBe("html");
    await addVersion(2, "python");
    expect(await language()).toBe("python");
  });

  it("sorts by likes and pages with a keyset cursor, without repeats or gaps", async () => {
    const owner = await makeUser("pager");
    for (let i = 0; i < 7; i++) await makeArtifact(owner, `A${i}`, "public", { likesCount: i % 3 });
    for (const sort of ["liked", "newest"] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await listProfileArtifacts({
          ownerUserId: owner,
          viewerId: null,
          tab: "artifacts",
          sort,
          cursor,
          limit: 3,
        });
        seen.push(...page.items.map((a) => a.title));
        if (sort === "liked") {
          const likes = page.items.map((a) => a.likesCount);
          expect(likes).toEqual([...likes].sort((a, b) => b - a));
        }
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.sort()).toEqual(["A0", "A1", "A2", "A3", "A4", "A5", "A6"]);
    }
    // A garbage cursor is the first page, not an error.
    const first = await listProfileArtifacts({
      ownerUserId: owner,
      viewerId: null,
      tab: "artifacts",
      sort: "liked",
      cursor: "garbage",
      limit: 3,
    });
    expect(first.items).toHaveLength(3);
  });

  it("the forks tab lists forks only", async () => {
    const page = await listProfileArtifacts({
      ownerUserId: bob,
      viewerId: null,
      tab: "forks",
      sort: "newest",
    });
    expect(page.items.map((a) => a.title)).toEqual(["Bob's public fork"]);
  });

  it("two claims on one handle: one wins, the other is told it is taken (never a crash)", async () => {
    const results = await Promise.all(
      ["Racer", "racer", "RACER"].map((h, i) =>
        createUserWithPassword({
          email: `racer${i}@example.test`,
          handle: h.toLowerCase(),
          passwordHash: "x",
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual([
      "handle-taken",
      "handle-taken",
    ]);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(sql`${users.email} like 'racer%'`);
    expect(count!.n).toBe(1);
  });

  it("renaming to a taken handle is refused; to a free one frees the old", async () => {
    const base = {
      displayName: null,
      bio: null,
      age: null,
      gender: null,
      city: null,
      country: null,
    };
    expect(await updateProfile(bob, { ...base, handle: "alice" })).toEqual({
      ok: false,
      reason: "handle-taken",
    });
    expect(await updateProfile(bob, { ...base, handle: "robert" })).toEqual({ ok: true });
    expect(await getProfileByHandle("bob")).toBeNull();
    expect((await getProfileByHandle("robert"))?.userId).toBe(bob);
  });

  it("deleting a user cascades to their artifacts and leaves others' forks, detached", async () => {
    const leaver = await makeUser("leaver");
    const source = await makeArtifact(leaver, "Gone", "public");
    const fork = await makeArtifact(bob, "Still here", "public", {
      forkedFromId: source,
      forkedFromVersionLabel: "v1",
    });
    expect(await deleteUser(leaver)).toEqual({ fileUrls: [] });
    expect(
      await db
        .select()
        .from(profiles)
        .where(sql`${profiles.userId} = ${leaver}`),
    ).toHaveLength(0);
    const [kept] = await db
      .select({ forkedFromId: artifacts.forkedFromId })
      .from(artifacts)
      .where(sql`${artifacts.id} = ${fork}`);
    expect(kept).toEqual({ forkedFromId: null });
    expect(await deleteUser(leaver)).toBeNull();
  });
});
