// Issue 12 item 5: a keyset cursor that decodes (valid base64url JSON, a uuid, a key of the right
// shape) but cannot be cast by PostgreSQL — month 13, an int above int4, a float that overflows —
// must be "first page" on every paginated read, never a database error (which the app shows as 500).
import { beforeAll, describe, expect, it } from "vitest";
import { listComments } from "@/db/queries/comments";
import { listForksByOwner } from "@/db/queries/fork-lists";
import { listGallery, listLikedArtifacts } from "@/db/queries/gallery";
import { getForkChildren } from "@/db/queries/fork-tree";
import { listProfileArtifacts } from "@/db/queries/profiles";
import { makeArtifact, makeUsers } from "@/db/test/social-fixtures";
import { cursorKeyFits, encodeCursor } from "@/domain/cursor";

const anyId = "00000000-0000-4000-8000-000000000000";
const crafted = (key: string) => encodeCursor({ key, id: anyId });
const BAD_KEYS = [
  "2024-13-01T00:00:00.000000Z", // month 13
  "2024-02-30T00:00:00.000000Z", // no such day
  "0000-01-01T00:00:00.000000Z", // PostgreSQL has no year 0
  "2024-01-01T25:00:00.000000Z",
  "9999999999", // above int4
  "1e999", // Infinity
  "1e-400", // underflow: "out of range" in PostgreSQL
];

let owner: string;
let artifactId: string;

beforeAll(async () => {
  [owner] = (await makeUsers(1, "cur")) as [string];
  ({ id: artifactId } = await makeArtifact({ ownerUserId: owner, title: "Cursor target" }));
});

describe("crafted cursors", () => {
  it("knows which keys cast", () => {
    expect(cursorKeyFits("timestamptz", "2024-02-29T23:59:59.123456Z")).toBe(true);
    expect(cursorKeyFits("int4", "2147483647")).toBe(true);
    expect(cursorKeyFits("float8", "0")).toBe(true);
    expect(cursorKeyFits("float8", "1.5e-3")).toBe(true);
    for (const key of BAD_KEYS.slice(0, 4))
      expect(cursorKeyFits("timestamptz", key), key).toBe(false);
    expect(cursorKeyFits("int4", "9999999999")).toBe(false);
    expect(cursorKeyFits("float8", "1e999")).toBe(false);
    expect(cursorKeyFits("float8", "1e-400")).toBe(false);
  });

  it.each(BAD_KEYS)("answers the first page on every paginated read for key %s", async (key) => {
    const cursor = crafted(key);
    const first = await listGallery({ sort: "newest" });
    for (const sort of ["newest", "top", "forked", "trending"] as const) {
      const page = await listGallery({ sort, cursor });
      expect(page.items.length, sort).toBeGreaterThan(0);
    }
    expect((await listGallery({ sort: "newest", cursor })).items.map((i) => i.id)).toEqual(
      first.items.map((i) => i.id),
    );
    expect(await listLikedArtifacts({ userId: owner, cursor })).toMatchObject({ nextCursor: null });
    for (const sort of ["newest", "liked"] as const) {
      for (const tab of ["artifacts", "forks"] as const) {
        await expect(
          listProfileArtifacts({ ownerUserId: owner, viewerId: null, tab, sort, cursor }),
        ).resolves.toBeTruthy();
      }
      await expect(
        listForksByOwner({ ownerUserId: owner, viewerId: null, sort, cursor }),
      ).resolves.toBeTruthy();
    }
    for (const order of ["newest", "oldest"] as const) {
      await expect(
        listComments({ artifactId, viewerId: null, order, cursor }),
      ).resolves.toBeTruthy();
    }
    for (const sort of ["date", "likes"] as const) {
      await expect(
        getForkChildren({ parentId: artifactId, viewerId: null, sort, cursor }),
      ).resolves.toBeTruthy();
    }
  });
});
