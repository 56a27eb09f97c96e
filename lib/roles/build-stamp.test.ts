import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { staleBuildReason, writeBuildStamp } from "./build-stamp";

// `npm start` rebuilds when the source changed since the build, not only when there is no build.
describe("the build's source stamp", () => {
  it("asks for a build when there is none, none after stamping, and one again after an edit", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "vitrine-stamp-"));
    mkdirSync(path.join(root, "app"));
    writeFileSync(path.join(root, "app", "page.tsx"), "export default () => 1;");
    writeFileSync(path.join(root, "package.json"), "{}");
    expect(staleBuildReason(root)).toBe("there is no build yet");
    mkdirSync(path.join(root, ".next"));
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
    expect(staleBuildReason(root)).toBe("the build carries no source stamp");
    writeBuildStamp(root);
    expect(staleBuildReason(root)).toBeNull();
    writeFileSync(path.join(root, "app", "page.tsx"), "export default () => 2;");
    expect(staleBuildReason(root)).toBe("the source changed since the last build");
    writeBuildStamp(root);
    writeFileSync(path.join(root, "app", "page.test.ts"), "// tests do not go into the build");
    expect(staleBuildReason(root)).toBeNull();
  });
});
