import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { artifacts } from "@/db/schema";
import { key, makeArtifact, makeUser } from "@/db/test/lineage-fixtures";
import { createFork } from "./forks";
import { listForksByOwner } from "./fork-lists";
import { getProfileStats } from "./profiles";

describe("listForksByOwner and profile stats", () => {
  it("lists forks with their parents as visible, private or deleted, and counts only public forks received", async () => {
    const [alice, bob, eve] = [await makeUser(), await makeUser(), await makeUser()];
    const pub = await makeArtifact(alice.id, { title: "Public parent" });
    const willHide = await makeArtifact(alice.id, { title: "Secret parent" });
    const willGo = await makeArtifact(alice.id, { title: "Gone parent" });
    const f = async (id: string, visibility: "public" | "private" = "public") =>
      (await createFork({
        viewerId: bob.id,
        artifactId: id,
        title: "f",
        visibility,
        idempotencyKey: key(),
      }))!.id;
    const [f1, f2, f3, fPrivate] = [
      await f(pub.id),
      await f(willHide.id),
      await f(willGo.id),
      await f(pub.id, "private"),
    ];
    expect((await getProfileStats(alice.id)).forksReceived).toBe(3);
    await db.update(artifacts).set({ visibility: "private" }).where(eq(artifacts.id, willHide.id));
    await db.delete(artifacts).where(eq(artifacts.id, willGo.id));

    const page = await listForksByOwner({ ownerUserId: bob.id, viewerId: eve.id });
    const byId = new Map(page.items.map((i) => [i.id, i]));
    expect(byId.has(fPrivate)).toBe(false);
    expect(byId.get(f1)!.parent).toEqual({
      state: "visible",
      id: pub.id,
      title: "Public parent",
      ownerHandle: alice.handle,
    });
    expect(byId.get(f2)!.parent).toEqual({ state: "private" });
    expect(byId.get(f3)!).toMatchObject({
      parent: { state: "deleted" },
      forkedFromVersionLabel: "v1",
    });
    expect(JSON.stringify(page)).not.toContain("Secret parent");
    // The owner sees their private fork; alice (owner of the private parent) sees its title.
    expect(
      (await listForksByOwner({ ownerUserId: bob.id, viewerId: bob.id })).items.map((i) => i.id),
    ).toContain(fPrivate);
    expect(
      (await listForksByOwner({ ownerUserId: bob.id, viewerId: alice.id })).items.find(
        (i) => i.id === f2,
      )!.parent.state,
    ).toBe("visible");
    // Paging: two per page, no repeats.
    const p1 = await listForksByOwner({ ownerUserId: bob.id, viewerId: bob.id, limit: 2 });
    const p2 = await listForksByOwner({
      ownerUserId: bob.id,
      viewerId: bob.id,
      limit: 2,
      cursor: p1.nextCursor,
    });
    expect([...p1.items, ...p2.items].map((i) => i.id).sort()).toEqual(
      [f1, f2, f3, fPrivate].sort(),
    );
    expect((await getProfileStats(alice.id)).forksReceived).toBe(1);
  });
});
