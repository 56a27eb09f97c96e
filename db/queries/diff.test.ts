import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { artifactVersions, artifacts, users } from "@/db/schema";
import { versionContentFields } from "@/lib/version-content";
import { getDiffSides, listVersionOptions } from "./diff";

async function makeUser(name: string) {
  const [u] = await db
    .insert(users)
    .values({ name, email: `${name}-${crypto.randomUUID()}@test.dev` })
    .returning();
  return u!.id;
}

/** An artifact with versions 1..n (each version's parent is the one before), current = the last. */
async function makeArtifact(
  ownerUserId: string,
  codes: string[],
  opts: {
    visibility?: "public" | "private";
    versioningEnabled?: boolean;
    firstParent?: string;
  } = {},
) {
  const [a] = await db
    .insert(artifacts)
    .values({
      ownerUserId,
      title: "t",
      visibility: opts.visibility ?? "public",
      versioningEnabled: opts.versioningEnabled ?? true,
    })
    .returning();
  let parent = null as { id: string; code: string } | null;
  const ids: string[] = [];
  for (const [i, code] of codes.entries()) {
    const f = versionContentFields(code, parent?.code ?? null);
    const [v]: { id: string }[] = await db
      .insert(artifactVersions)
      .values({
        artifactId: a!.id,
        versionIndex: i + 1,
        codeLanguage: "javascript",
        codeContent: code,
        codeBlobRef: f.codeBlobRef,
        codeReferences: f.codeReferences,
        stats: f.stats,
        parentVersionId: parent?.id ?? opts.firstParent ?? null,
      })
      .returning({ id: artifactVersions.id });
    parent = { id: v!.id, code };
    ids.push(v!.id);
  }
  await db.update(artifacts).set({ currentVersionId: parent!.id }).where(eq(artifacts.id, a!.id));
  return { id: a!.id, versionIds: ids };
}

let owner: string;
let other: string;
let pub: { id: string; versionIds: string[] };
let priv: { id: string; versionIds: string[] };
let closed: { id: string; versionIds: string[] };

beforeAll(async () => {
  owner = await makeUser("owner");
  other = await makeUser("other");
  pub = await makeArtifact(owner, ["a\n", "a\nb\n", "a\nb\nc\n"]);
  priv = await makeArtifact(owner, ["x\n", "y\n"], { visibility: "private" });
  closed = await makeArtifact(owner, ["p\n", "q\n"], { versioningEnabled: false });
});

describe("getDiffSides", () => {
  it("defaults to the current version against its parent, selecting only those two versions", async () => {
    const sides = await getDiffSides({ artifactId: pub.id, from: null, to: null, viewerId: null });
    expect(sides?.to).toMatchObject({ versionIndex: 3, codeContent: "a\nb\nc\n" });
    expect(sides?.from).toMatchObject({ versionIndex: 2, codeContent: "a\nb\n" });
  });

  it("resolves explicit indexes, and `to` alone diffs against that version's parent", async () => {
    const explicit = await getDiffSides({
      artifactId: pub.id,
      from: { artifactId: null, index: 1 },
      to: { artifactId: null, index: 3 },
      viewerId: null,
    });
    expect([explicit?.from.versionIndex, explicit?.to.versionIndex]).toEqual([1, 3]);
    const onlyTo = await getDiffSides({
      artifactId: pub.id,
      from: null,
      to: { artifactId: null, index: 2 },
      viewerId: other,
    });
    expect([onlyTo?.from.versionIndex, onlyTo?.to.versionIndex]).toEqual([1, 2]);
    const first = await getDiffSides({
      artifactId: pub.id,
      from: null,
      to: { artifactId: null, index: 1 },
      viewerId: null,
    });
    expect(first?.from.id).toBe(first?.to.id); // version 1 has nothing before it: the same-version state
  });

  it("answers null for indexes that do not exist", async () => {
    for (const [from, to] of [
      [99, 1],
      [1, 99],
      [0, 1],
    ] as const) {
      expect(
        await getDiffSides({
          artifactId: pub.id,
          from: { artifactId: null, index: from },
          to: { artifactId: null, index: to },
          viewerId: owner,
        }),
      ).toBeNull();
    }
    expect(
      await getDiffSides({
        artifactId: crypto.randomUUID(),
        from: null,
        to: null,
        viewerId: owner,
      }),
    ).toBeNull();
  });

  it("hides a private artifact from everyone but its owner", async () => {
    expect(
      await getDiffSides({ artifactId: priv.id, from: null, to: null, viewerId: null }),
    ).toBeNull();
    expect(
      await getDiffSides({ artifactId: priv.id, from: null, to: null, viewerId: other }),
    ).toBeNull();
    expect(
      (await getDiffSides({ artifactId: priv.id, from: null, to: null, viewerId: owner }))?.to
        .codeContent,
    ).toBe("y\n");
  });

  it("with version history off, allows the owner only", async () => {
    expect(
      await getDiffSides({ artifactId: closed.id, from: null, to: null, viewerId: null }),
    ).toBeNull();
    expect(
      await getDiffSides({ artifactId: closed.id, from: null, to: null, viewerId: other }),
    ).toBeNull();
    expect(
      (await getDiffSides({ artifactId: closed.id, from: null, to: null, viewerId: owner }))?.from
        .codeContent,
    ).toBe("p\n");
    expect(await listVersionOptions({ artifactId: closed.id, viewerId: other })).toEqual([]);
  });

  it("compares across artifacts (a fork with its upstream) when both sides are visible", async () => {
    const forker = await makeUser("forker");
    const fork = await makeArtifact(forker, ["a\nb\nc\nfork\n"], {
      firstParent: pub.versionIds[2],
    });
    // The default `from` of a fork's version 1 is the upstream version it was forked from.
    const byDefault = await getDiffSides({
      artifactId: fork.id,
      from: null,
      to: null,
      viewerId: null,
    });
    expect(byDefault?.from).toMatchObject({ artifactId: pub.id, versionIndex: 3 });
    const explicit = await getDiffSides({
      artifactId: fork.id,
      from: { artifactId: pub.id, index: 1 },
      to: null,
      viewerId: null,
    });
    expect(explicit?.from).toMatchObject({
      artifactId: pub.id,
      versionIndex: 1,
      codeContent: "a\n",
    });
    // A side in a private or history-closed artifact is refused to others, like a missing one.
    for (const hidden of [priv.id, closed.id]) {
      expect(
        await getDiffSides({
          artifactId: fork.id,
          from: { artifactId: hidden, index: 1 },
          to: null,
          viewerId: forker,
        }),
      ).toBeNull();
    }
    // …while their owner may compare them with anything public.
    const ownSide = await getDiffSides({
      artifactId: fork.id,
      from: { artifactId: priv.id, index: 1 },
      to: null,
      viewerId: owner,
    });
    expect(ownSide?.from).toMatchObject({ artifactId: priv.id, codeContent: "x\n" });
  });

  it("lists version metadata newest first, capped", async () => {
    const options = await listVersionOptions({ artifactId: pub.id, viewerId: null, limit: 2 });
    expect(options.map((o) => o.versionIndex)).toEqual([3, 2]);
    expect(Object.keys(options[0]!)).not.toContain("codeContent");
    expect(await listVersionOptions({ artifactId: priv.id, viewerId: other })).toEqual([]);
  });
});
