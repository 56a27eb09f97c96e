import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { artifacts } from "@/db/schema";
import { key, makeArtifact, makeUser } from "@/db/test/lineage-fixtures";
import { createFork } from "./forks";
import { importVersion } from "./imports";
import { getLineageForViewer, getUpstreamStatus } from "./lineage";
import { countVisibleDescendants, getAncestorChain, getForkChildren } from "./fork-tree";

const fork = async (
  viewerId: string,
  artifactId: string,
  visibility: "public" | "private" = "public",
  versionIndex?: number,
) =>
  (await createFork({
    viewerId,
    artifactId,
    title: `fork of ${artifactId.slice(0, 4)}`,
    visibility,
    versionIndex,
    idempotencyKey: key(),
  }))!.id;

describe("lineage line", () => {
  it("names a visible parent and a different origin, and hides private and deleted ones", async () => {
    const [alice, bob, carol, eve] = [
      await makeUser(),
      await makeUser(),
      await makeUser(),
      await makeUser(),
    ];
    const root = await makeArtifact(alice.id, { title: "Root", versions: 3 });
    const child = await fork(bob.id, root.id, "public", 3);
    const grandchild = await fork(carol.id, child);

    expect(await getLineageForViewer({ artifactId: root.id, viewerId: null })).toMatchObject({
      parent: null,
      origin: null,
      forksCount: 1,
    });
    expect(await getLineageForViewer({ artifactId: child, viewerId: null })).toMatchObject({
      parent: {
        state: "visible",
        id: root.id,
        title: "Root",
        ownerHandle: alice.handle,
        versionLabel: "v3",
      },
      origin: null,
    });
    expect(await getLineageForViewer({ artifactId: grandchild, viewerId: eve.id })).toMatchObject({
      parent: { state: "visible", id: child, ownerHandle: bob.handle, versionLabel: "v1" },
      origin: { state: "visible", id: root.id, title: "Root" },
    });

    await db.update(artifacts).set({ visibility: "private" }).where(eq(artifacts.id, child));
    const hidden = await getLineageForViewer({ artifactId: grandchild, viewerId: eve.id });
    expect(hidden!.parent).toEqual({ state: "private", versionLabel: "v1" });
    expect(JSON.stringify(hidden)).not.toContain(child);
    // The owner of the private parent still sees it.
    expect(
      (await getLineageForViewer({ artifactId: grandchild, viewerId: bob.id }))!.parent!.state,
    ).toBe("visible");
    // Nobody else sees the private artifact's own lineage at all.
    expect(await getLineageForViewer({ artifactId: child, viewerId: eve.id })).toBeNull();

    await db.delete(artifacts).where(eq(artifacts.id, root.id));
    expect((await getLineageForViewer({ artifactId: grandchild, viewerId: null }))!.origin).toEqual(
      { state: "deleted" },
    );
    const orphan = await getLineageForViewer({ artifactId: child, viewerId: bob.id });
    expect(orphan!.parent).toEqual({ state: "deleted", versionLabel: "v3" });
  });
});

describe("fork tree queries", () => {
  it("pages a node's children by date and by likes, leaving out private forks entirely (never counted)", async () => {
    const [alice, bob, eve] = [await makeUser(), await makeUser(), await makeUser()];
    const root = await makeArtifact(alice.id);
    const visible: string[] = [];
    for (let i = 0; i < 7; i++) visible.push(await fork(bob.id, root.id));
    const hiddenIds = [
      await fork(bob.id, root.id, "private"),
      await fork(bob.id, root.id, "private"),
    ];
    for (const [i, id] of visible.entries())
      await db
        .update(artifacts)
        .set({ likesCount: i * 3 })
        .where(eq(artifacts.id, id));

    const first = await getForkChildren({ parentId: root.id, viewerId: eve.id, limit: 3 });
    expect(first).toMatchObject({ visibleCount: 7 });
    expect(first).not.toHaveProperty("hiddenCount");
    const seen = [...first!.items];
    let cursor = first!.nextCursor;
    while (cursor) {
      const page = await getForkChildren({ parentId: root.id, viewerId: eve.id, limit: 3, cursor });
      expect(page!.visibleCount).toBeUndefined();
      seen.push(...page!.items);
      cursor = page!.nextCursor;
    }
    expect(seen.map((n) => n.id).sort()).toEqual([...visible].sort());
    expect(seen.some((n) => hiddenIds.includes(n.id))).toBe(false);

    const byLikes = await getForkChildren({
      parentId: root.id,
      viewerId: eve.id,
      sort: "likes",
      limit: 4,
    });
    const rest = await getForkChildren({
      parentId: root.id,
      viewerId: eve.id,
      sort: "likes",
      limit: 4,
      cursor: byLikes!.nextCursor,
    });
    expect([...byLikes!.items, ...rest!.items].map((n) => n.likesCount)).toEqual([
      18, 15, 12, 9, 6, 3, 0,
    ]);

    // The owner of the private forks sees them; nothing is hidden from them.
    expect(await getForkChildren({ parentId: root.id, viewerId: bob.id })).toMatchObject({
      visibleCount: 9,
    });
    // A node the viewer may not see has no children to show (404).
    expect(await getForkChildren({ parentId: hiddenIds[0]!, viewerId: eve.id })).toBeNull();
    expect(await countVisibleDescendants({ originId: root.id, viewerId: eve.id })).toBe(7);
    expect(await countVisibleDescendants({ originId: root.id, viewerId: bob.id })).toBe(9);
  });

  it("walks the ancestor chain to the root in order, naming only what the viewer may see", async () => {
    const [alice, bob] = [await makeUser(), await makeUser()];
    const root = await makeArtifact(alice.id, { title: "Root" });
    let tip = root.id;
    const chain = [root.id];
    for (let i = 0; i < 12; i++) {
      tip = await fork(i === 5 ? alice.id : bob.id, tip);
      chain.push(tip);
    }
    await db.update(artifacts).set({ visibility: "private" }).where(eq(artifacts.id, chain[6]!));
    const ancestors = await getAncestorChain({ artifactId: tip, viewerId: bob.id });
    expect(ancestors.map((a) => a.depth)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(ancestors.map((a) => (a.visible ? a.node.id : a.id))).toEqual(
      chain.slice(0, -1).reverse(),
    );
    const privateOne = ancestors.find((a) => !a.visible);
    expect(privateOne).toEqual({ depth: 6, visible: false, id: chain[6] });
    expect(ancestors.at(-1)).toMatchObject({
      visible: true,
      node: { title: "Root", ownerHandle: alice.handle },
    });
  });
});

describe("upstream status", () => {
  it("counts the parent's newer versions since the fork, then since the last sync", async () => {
    const [alice, bob, eve] = [await makeUser(), await makeUser(), await makeUser()];
    const parent = await makeArtifact(alice.id, { versions: 5 });
    const child = await fork(bob.id, parent.id, "public", 2);
    expect(await getUpstreamStatus({ artifactId: child, viewerId: bob.id })).toMatchObject({
      parent: { id: parent.id, currentIndex: 5, historyVisible: true },
      forkedFromIndex: 2,
      baselineIndex: 2,
      newerCount: 3,
      currentIndex: 1,
      isOwner: true,
    });
    await importVersion({
      viewerId: bob.id,
      targetId: child,
      sourceId: parent.id,
      idempotencyKey: key(),
    });
    expect(await getUpstreamStatus({ artifactId: child, viewerId: eve.id })).toMatchObject({
      baselineIndex: 5,
      newerCount: 0,
      currentIndex: 2,
      isOwner: false,
    });
    await db.update(artifacts).set({ visibility: "private" }).where(eq(artifacts.id, parent.id));
    expect(await getUpstreamStatus({ artifactId: child, viewerId: eve.id })).toBeNull();
  });
});
