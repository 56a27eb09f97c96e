// `npm start` failure modes a newcomer meets: a taken port and an unreachable DATABASE_URL must
// each end quickly with one clear line, not a stack trace.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getFreePort } from "./ports";

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

function runStart(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, "lib/runner.ts", "start"], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code, output, ms: Date.now() - started }));
  });
}

describe("npm start", () => {
  it("names the database host and exits non-zero within a minute when DATABASE_URL is unreachable", async () => {
    const port = await getFreePort();
    const deadPort = await getFreePort();
    const { code, output, ms } = await runStart({
      PORT: String(port),
      DATABASE_URL: `postgres://u:p@127.0.0.1:${deadPort}/vitrine`,
    });
    expect(code).not.toBe(0);
    expect(output).toContain(`Cannot reach the database at 127.0.0.1:${deadPort}`);
    expect(output).not.toMatch(/^\s+at /m); // no stack trace
    expect(ms).toBeLessThan(60_000);
  }, 90_000);

  it("says the port is taken, and how to pick another", async () => {
    const server = net.createServer();
    const port = await getFreePort();
    await new Promise<void>((resolve) => server.listen(port, resolve));
    try {
      const { code, output } = await runStart({
        PORT: String(port),
        DATABASE_URL: "postgres://u:p@127.0.0.1:9/x",
      });
      expect(code).not.toBe(0);
      expect(output).toContain(`Port ${port} is already in use`);
      expect(output).toContain(`PORT=${port + 1}`);
    } finally {
      server.close();
    }
  }, 90_000);
});
