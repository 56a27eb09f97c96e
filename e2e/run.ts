// `npm run test:e2e`: Playwright against a production build with its own embedded PostgreSQL in a
// temporary folder, everything on free ports, so it runs beside anything else on the machine.
//   E2E_SKIP_BUILD=1   reuse the existing .next build
//   extra arguments go to `playwright test` (e.g. `npm run test:e2e -- e2e/explore.spec.ts`)
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { createDatabase } from "@/db/client";
import { getFreePort } from "@/lib/ports";
import { nextServerNodeOptions, projectRoot } from "@/lib/paths";
import { buildPreviewRuntime, previewRuntimeBuilt } from "@/scripts/run-preview-runtime-build";
import { completeStandalone, writeBuildStamp } from "@/lib/roles/build-stamp";

const root = projectRoot();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const playwrightBin = path.join(root, "node_modules", "@playwright", "test", "cli.js");

function run(
  bin: string,
  args: string[],
  env: Record<string, string>,
  stdio: "inherit" | "pipe" = "inherit",
): ChildProcess {
  return spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio,
  });
}

function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  );
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("next start exited before it was ready");
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app at ${url} did not become healthy within ${timeoutMs / 1000}s`);
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "vitrine-e2e-"));
  chmodSync(dir, 0o755); // the embedded server runs as the "postgres" user
  const db = await startEmbeddedPostgres({ dataDir: dir, fast: true });
  let server: ChildProcess | undefined;
  let code = 1;
  try {
    await migrateDatabase(db.url);
    const { seedDemo } = await import("@/db/seed");
    const seeded = createDatabase(db.url);
    await seedDemo(seeded.db);
    await seeded.pool.end();

    const port = await getFreePort();
    const env: Record<string, string> = {
      DATABASE_URL: db.url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      VITRINE_DATA_DIR: dir,
      APP_ORIGIN: `http://localhost:${port}`,
      PREVIEW_ORIGIN: `http://127.0.0.1:${port}`,
    };
    if (process.env.E2E_SKIP_BUILD !== "1" || !previewRuntimeBuilt()) await buildPreviewRuntime();
    if (process.env.E2E_SKIP_BUILD !== "1") {
      const built = await exitCode(run(nextBin, ["build"], { ...env, NODE_ENV: "production" }));
      if (built !== 0) throw new Error("next build failed");
      // The same build `npm run build` makes: `npm run test:smoke` and `npm run start:web` reuse it.
      completeStandalone(root);
      writeBuildStamp(root);
    }
    server = run(
      nextBin,
      ["start", "-p", String(port)],
      { ...env, NODE_ENV: "production", NODE_OPTIONS: nextServerNodeOptions() },
      "pipe",
    );
    server.stdout?.on("data", (d) => process.env.E2E_SERVER_LOG && process.stdout.write(d));
    server.stderr?.on("data", (d) => process.stderr.write(d));
    await waitForHealth(`http://localhost:${port}`, server);

    code = await exitCode(
      run(playwrightBin, ["test", ...process.argv.slice(2)], {
        E2E_BASE_URL: `http://localhost:${port}`,
        E2E_PREVIEW_URL: `http://127.0.0.1:${port}`,
        E2E_DATA_DIR: dir,
        DATABASE_URL: db.url,
      }),
    );
  } catch (err) {
    console.error(`✖ ${err instanceof Error ? err.message : String(err)}`);
    code = 1;
  } finally {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await exitCode(server);
    }
    await db.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(code);
}

void main();
