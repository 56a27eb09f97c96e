import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/index";
import { isModerator } from "@/db/queries/roles";
import { makeUser } from "@/db/test/lineage-fixtures";
import { command } from "./role";

// `npm run vitrine -- role …` on the test database: one sentence out, exit 0; a refusal is one
// sentence on stderr, exit 2, nothing changed.
async function run(...args: string[]) {
  const out: string[] = [];
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  const code = await command.run(args, { db, out: (line) => out.push(line) });
  const err = errors.mock.calls.map((c) => String(c[0]));
  errors.mockRestore();
  return { code, out, err };
}

afterEach(() => vi.restoreAllMocks());

describe("role command", () => {
  it("grants and revokes the moderator role by handle, and says so", async () => {
    const user = await makeUser();
    expect(await run("grant", "--handle", `@${user.handle}`, "moderator")).toEqual({
      code: 0,
      out: [`@${user.handle} is now a moderator.`],
      err: [],
    });
    expect(await isModerator(user.id)).toBe(true);
    expect((await run("grant", "--handle", user.handle, "moderator")).out).toEqual([
      `@${user.handle} already is a moderator.`,
    ]);
    expect((await run("revoke", "--handle", user.handle, "moderator")).out).toEqual([
      `@${user.handle} is no longer a moderator.`,
    ]);
    expect(await isModerator(user.id)).toBe(false);
  });

  it("refuses bad input with one sentence and exit 2, changing nothing", async () => {
    const user = await makeUser();
    const refusals = [
      ["grant", "--handle", user.handle, "admin"],
      ["grant", user.handle, "moderator"],
      ["promote", "--handle", user.handle, "moderator"],
      ["grant", "--handle", user.handle, "--force", "moderator"],
      ["grant", "--handle", "nobody-at-all-here", "moderator"],
    ];
    for (const args of refusals) {
      const result = await run(...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.out).toEqual([]);
      expect(result.err).toHaveLength(1);
    }
    expect(await isModerator(user.id)).toBe(false);
  });
});
