// `npm run vitrine -- token …`: the operator command prints only the token, which then authenticates.
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/db/client";
import { authenticateToken } from "@/db/queries/tokens";
import { makeUsers } from "@/db/test/social-fixtures";
import { db as appDb } from "@/db/index";
import { profiles } from "@/db/schema";
import { eq } from "drizzle-orm";
import { command } from "./token";

const { pool, db } = createDatabase(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => pool.end());

async function run(args: string[]) {
  const lines: string[] = [];
  const code = await command.run(args, { db, out: (line) => lines.push(line) });
  return { code, lines };
}

describe("vitrine token", () => {
  it("creates a token for a handle, prints only it, and lists and revokes it", async () => {
    const [userId] = (await makeUsers(1, "cli")) as [string];
    const [{ handle }] = (await appDb
      .select({ handle: profiles.handle })
      .from(profiles)
      .where(eq(profiles.userId, userId))) as [{ handle: string }];
    const created = await run([
      "create",
      "--handle",
      handle.toUpperCase(),
      "--scope",
      "write",
      "--name",
      "ci",
      "--expires-days",
      "7",
    ]);
    expect(created.code).toBe(0);
    expect(created.lines).toHaveLength(1);
    const token = created.lines[0]!;
    expect(await authenticateToken(token)).toMatchObject({ userId, scope: "write" });
    const listed = await run(["list", "--handle", handle]);
    expect(listed.lines).toHaveLength(1);
    const id = listed.lines[0]!.split("\t")[0]!;
    expect(listed.lines[0]).toContain("\tlive\tci\t");
    expect((await run(["revoke", "--handle", handle, "--id", id])).code).toBe(0);
    expect(await authenticateToken(token)).toBeNull();
  });

  it("refuses an unknown handle, a bad scope and a bad expiry with exit code 2 and no output", async () => {
    const [userId] = (await makeUsers(1, "cli2")) as [string];
    const [{ handle }] = (await appDb
      .select({ handle: profiles.handle })
      .from(profiles)
      .where(eq(profiles.userId, userId))) as [{ handle: string }];
    for (const args of [
      ["create", "--handle", "nobody-at-all", "--scope", "read", "--name", "x"],
      ["create", "--handle", handle, "--scope", "admin", "--name", "x"],
      ["create", "--handle", handle, "--scope", "read", "--name", "x", "--expires-days", "0"],
      ["create", "--handle", handle, "--scope", "read"],
      ["create", "--handle", handle, "--bogus", "1"],
    ]) {
      const result = await run(args);
      expect(result, args.join(" ")).toEqual({ code: 2, lines: [] });
    }
  });
});
