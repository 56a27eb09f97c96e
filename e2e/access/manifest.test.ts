import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { discoverActions, discoverRoutes } from "./discover";
import { ACTIONS, ROUTES } from "./index";

const root = path.resolve(import.meta.dirname, "../..");
const appDir = path.join(root, "app");

describe("the route and action list", () => {
  it("lists every page and route handler in app/ (a new endpoint must say who may use it)", () => {
    const listed = new Set(ROUTES.map((r) => `${r.kind} ${r.path}`));
    const missing = discoverRoutes(appDir).filter((r) => !listed.has(`${r.kind} ${r.path}`));
    expect(missing, "add these to e2e/access/<feature>.ts").toEqual([]);
  });

  it("lists nothing that no longer exists", () => {
    const present = new Set(discoverRoutes(appDir).map((r) => `${r.kind} ${r.path}`));
    expect(ROUTES.filter((r) => !present.has(`${r.kind} ${r.path}`))).toEqual([]);
  });

  it("lists every exported server action with its rule", () => {
    const listed = new Set(ACTIONS.map((a) => `${a.file}#${a.name}`));
    const missing = discoverActions(appDir, root).filter((a) => !listed.has(`${a.file}#${a.name}`));
    expect(missing, "add these to e2e/access/<feature>.ts").toEqual([]);
    const present = new Set(discoverActions(appDir, root).map((a) => `${a.file}#${a.name}`));
    expect(ACTIONS.filter((a) => !present.has(`${a.file}#${a.name}`))).toEqual([]);
  });

  it("proves each action's rule with tests that exist, by file and exact title", () => {
    const stale: string[] = [];
    for (const action of ACTIONS) {
      expect(action.provenBy.length, `${action.name} has no proof`).toBeGreaterThan(0);
      for (const proof of action.provenBy) {
        const [file, title] = proof.split(" > ") as [string, string];
        const source = existsSync(path.join(root, file))
          ? readFileSync(path.join(root, file), "utf8")
          : "";
        // The title as the first argument of it()/test(), in any quote style.
        const declared = ["it", "test"].some((fn) =>
          ['"', "'", "`"].some((q) => source.includes(`${fn}(${q}${title}${q}`)),
        );
        if (!declared) stale.push(`${action.name}: ${proof}`);
      }
    }
    expect(stale, "these proofs name no existing test").toEqual([]);
  });

  it("finds the pages it should (the discovery itself works)", () => {
    const paths = discoverRoutes(appDir).map((r) => r.path);
    expect(paths).toContain("/");
    expect(paths).toContain("/a/[id]");
    expect(paths).toContain("/api/health");
  });
});
