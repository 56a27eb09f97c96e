// Log lines are single JSON objects carrying the request id; an action's unexpected failure is one
// error line with the stack under that id.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { logger } from "@/lib/log";
import { requestLogger } from "@/lib/log/request";
import { runAction } from "@/lib/actions";
import { logLinesDuring } from "./capture.test-helper";

describe("lib/log", () => {
  it("writes one JSON object per line with level, time and the request id", async () => {
    const lines = await logLinesDuring(async () => {
      logger("req-42").info({ artifactId: "a1" }, "published");
      logger().warn("no request here");
    });
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((l) => JSON.parse(l));
    expect(first).toMatchObject({
      level: "info",
      msg: "published",
      requestId: "req-42",
      artifactId: "a1",
    });
    expect(new Date(first.time).toISOString()).toBe(first.time);
    expect(second).toMatchObject({ level: "warn", msg: "no request here" });
    expect(second).not.toHaveProperty("requestId");
  });

  it("falls back to the process logger outside a request", async () => {
    const lines = await logLinesDuring(async () => (await requestLogger()).info("from a job"));
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "info", msg: "from a job" });
  });

  it("logs an action's unexpected failure as one error line with the stack, not as the answer", async () => {
    let state: unknown;
    const lines = await logLinesDuring(async () => {
      state = await runAction(
        z.object({}),
        () => ({}),
        async () => {
          throw new Error('relation "secret_table" does not exist');
        },
        { auth: "optional", resolveViewer: async () => null },
      );
    });
    expect(JSON.stringify(state)).not.toContain("secret_table");
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ level: "error", msg: "server action failed unexpectedly" });
    expect(line.err.message).toContain("secret_table");
    expect(line.err.stack).toMatch(/log\.test\.ts/);
  });
});
