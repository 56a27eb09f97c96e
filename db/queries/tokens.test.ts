// Personal access tokens (issue 14): stored as a hash, shown once, revocable, expiring, scoped.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { apiTokens } from "@/db/schema";
import { makeUsers } from "@/db/test/social-fixtures";
import { authenticateToken, createToken, hashToken, listTokens, revokeToken } from "./tokens";

let alice: string;
let bob: string;

beforeAll(async () => {
  [alice, bob] = (await makeUsers(2, "tok")) as [string, string];
});

describe("personal access tokens", () => {
  it("stores only the SHA-256 of the token and authenticates it to its user and scope", async () => {
    const { token, row } = await createToken(alice!, {
      name: "ci",
      scope: "write",
      expiresAt: null,
    });
    expect(token).toMatch(/^vit_[A-Za-z0-9_-]{43}$/);
    expect(row.prefix).toBe(token.slice(0, 10));
    const [stored] = await db.select().from(apiTokens).where(eq(apiTokens.id, row.id));
    expect(stored!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    const viewer = await authenticateToken(token);
    expect(viewer).toEqual({
      userId: alice,
      handle: expect.any(String),
      scope: "write",
      tokenId: row.id,
    });
  });

  it("refuses unknown, malformed, expired and revoked tokens", async () => {
    expect(await authenticateToken("vit_" + "A".repeat(43))).toBeNull();
    expect(await authenticateToken("not a token")).toBeNull();
    expect(await authenticateToken("")).toBeNull();
    const expired = await createToken(alice!, {
      name: "old",
      scope: "read",
      expiresAt: new Date(Date.now() - 1000),
    });
    expect(await authenticateToken(expired.token)).toBeNull();
    const live = await createToken(alice!, { name: "live", scope: "read", expiresAt: null });
    expect(await authenticateToken(live.token)).not.toBeNull();
    expect(await revokeToken(alice!, live.row.id)).toBe(true);
    expect(await authenticateToken(live.token)).toBeNull();
    expect(await revokeToken(alice!, live.row.id)).toBe(false);
  });

  it("lets nobody list or revoke another user's token", async () => {
    const { token, row } = await createToken(alice!, {
      name: "mine",
      scope: "read",
      expiresAt: null,
    });
    expect(await revokeToken(bob!, row.id)).toBe(false);
    expect(await authenticateToken(token)).not.toBeNull();
    expect((await listTokens(bob!)).map((t) => t.id)).not.toContain(row.id);
    expect((await listTokens(alice!)).map((t) => t.id)).toContain(row.id);
  });

  it("records last use at most once a minute", async () => {
    const { token, row } = await createToken(bob!, {
      name: "busy",
      scope: "read",
      expiresAt: null,
    });
    await authenticateToken(token);
    const first = (await listTokens(bob!)).find((t) => t.id === row.id)!.lastUsedAt;
    expect(first).not.toBeNull();
    await authenticateToken(token);
    const second = (await listTokens(bob!)).find((t) => t.id === row.id)!.lastUsedAt;
    expect(second!.getTime()).toBe(first!.getTime());
    // A minute later (moved back in the database instead of waiting), the next use is recorded.
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now() - interval '2 minutes'` })
      .where(eq(apiTokens.id, row.id));
    const before = (await listTokens(bob!)).find((t) => t.id === row.id)!.lastUsedAt!;
    await authenticateToken(token);
    const after = (await listTokens(bob!)).find((t) => t.id === row.id)!.lastUsedAt!;
    expect(after.getTime()).toBeGreaterThan(before.getTime());
  });
});
