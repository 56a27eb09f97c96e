// A production server of the current build with its own embedded PostgreSQL (migrated, demo
// seed), on free ports, in a temporary folder — what e2e/run.ts starts for Playwright, as a module
// the screenshot script (and `npm run screens -- --serve`) can start and stop.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { createDatabase } from "@/db/client";
import { getFreePort } from "@/lib/ports";
import { nextServerNodeOptions, projectRoot } from "@/lib/paths";
import { buildPreviewRuntime, previewRuntimeBuilt } from "@/scripts/run-preview-runtime-build";
import { completeStandalone, staleBuildReason, writeBuildStamp } from "@/lib/roles/build-stamp";

export type Stack = {
  baseUrl: string;
  previewUrl: string;
  databaseUrl: string;
  dataDir: string;
  stop: () => Promise<void>;
};

const root = projectRoot();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("next start exited before it was ready");
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become healthy within 90 s`);
}

/**
 * Starts the stack. Builds first when there is no build (or when `build` is true); otherwise reuses
 * the build `npm run build` / `npm run test:e2e` left, and says so when it is older than the sources.
 */
export async function startStack({ build = false }: { build?: boolean } = {}): Promise<Stack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "vitrine-screens-"));
  chmodSync(dataDir, 0o755); // the embedded server runs as the "postgres" user
  const db = await startEmbeddedPostgres({ dataDir, fast: true });
  let server: ChildProcess | undefined;
  const stop = async () => {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await exited(server);
    }
    await db.stop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  };
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
      VITRINE_DATA_DIR: dataDir,
      APP_ORIGIN: `http://localhost:${port}`,
      PREVIEW_ORIGIN: `http://127.0.0.1:${port}`,
    };
    const needsBuild = build || !existsSync(path.join(root, ".next", "BUILD_ID"));
    const stale = needsBuild ? null : staleBuildReason(root);
    if (stale) console.warn(`! Reusing the build in .next although ${stale} (--build rebuilds).`);
    if (needsBuild || !previewRuntimeBuilt()) await buildPreviewRuntime();
    if (needsBuild) {
      const builder = spawn(process.execPath, [nextBin, "build"], {
        cwd: root,
        env: { ...process.env, ...env, NODE_ENV: "production" },
        stdio: "inherit",
      });
      if ((await exited(builder)) !== 0) throw new Error("next build failed");
      completeStandalone(root);
      writeBuildStamp(root);
    }
    server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
      cwd: root,
      env: {
        ...process.env,
        ...env,
        NODE_ENV: "production",
        NODE_OPTIONS: nextServerNodeOptions(),
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const baseUrl = `http://localhost:${port}`;
    await waitForHealth(baseUrl, server);
    return { baseUrl, previewUrl: `http://127.0.0.1:${port}`, databaseUrl: db.url, dataDir, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
