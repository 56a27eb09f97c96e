import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUCKETS, consume } from "./rate-limit";

// Two web processes are one site: points spent in one process count in the other (the limiter's
// store is the shared PostgreSQL table, not process memory).
const root = path.resolve(import.meta.dirname, "..");

describe("rate limits across processes", () => {
  it("counts a bucket across two processes", async () => {
    const key = `k-${randomBytes(6).toString("hex")}`;
    const limit = BUCKETS.comment.points; // 10 a minute
    const script = path.join(os.tmpdir(), `vitrine-consume-${key}.mts`);
    writeFileSync(
      script,
      `import { consume } from "${path.join(root, "lib/rate-limit.ts")}";\n` +
        `const results = [];\nfor (let i = 0; i < ${limit - 3}; i++) results.push((await consume("comment", "${key}")).ok);\n` +
        `console.log(JSON.stringify(results));\nprocess.exit(0);\n`,
    );
    const other = spawnSync(
      path.join(root, "node_modules", ".bin", "tsx"),
      ["--conditions=react-server", "--tsconfig", path.join(root, "tsconfig.json"), script],
      {
        cwd: root,
        env: process.env,
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(other.status, other.stderr).toBe(0);
    expect(JSON.parse(other.stdout.trim().split("\n").pop()!)).toEqual(Array(limit - 3).fill(true));

    // This process has 3 points left, not 10.
    const here = [];
    for (let i = 0; i < 4; i++) here.push((await consume("comment", key)).ok);
    expect(here).toEqual([true, true, true, false]);
  });
});
