// `npm run test:smoke`: the production roles outside Docker, as compose.yaml runs them — one build,
// Debian's PostgreSQL as a separate server, `npm run db:migrate`, two `npm run start:web` and one
// `npm run start:worker` in production mode — then a Playwright smoke (e2e/smoke/*.spec.ts) through
// both web ports. Reuses the build `npm run test:e2e` or `npm run build` left (builds when missing
// or stale). Everything started is stopped on success, failure, timeout and Ctrl-C.
//   SMOKE_VERBOSE=1      stream the servers' output
//   SMOKE_TIMEOUT_MS     give up after this long (default 240000)
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { getFreePort } from "@/lib/ports";
import { projectRoot } from "@/lib/paths";
import { staleBuildReason } from "@/lib/roles/build-stamp";
import { previewRuntimeBuilt } from "@/scripts/run-preview-runtime-build";
import { startSeparatePostgres, type SeparatePostgres } from "./postgres";
import { startGroup, stopAll, type Started } from "./processes";

const root = projectRoot();
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const TIMEOUT_MS = Number(process.env.SMOKE_TIMEOUT_MS ?? 240_000);

function log(line: string) {
  console.log(`▸ smoke: ${line}`);
}

/** Runs a command to completion in a process group of its own, stopped with everything else. */
function runToEnd(name: string, args: string[], env: Record<string, string>): Promise<number> {
  const child = spawn(npm, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: "inherit",
    detached: true,
  });
  const started: Started = { name, child, output: [] };
  running.push(started);
  return new Promise((resolve) =>
    child.on("exit", (code, signal) => {
      running.splice(running.indexOf(started), 1);
      resolve(code ?? (signal ? 1 : 0));
    }),
  );
}

async function waitForReady(started: Started, url: string, until: number): Promise<void> {
  while (Date.now() < until) {
    if (started.child.exitCode !== null)
      throw new Error(`${started.name} exited (${started.child.exitCode}) before it was ready`);
    try {
      if ((await fetch(`${url}/api/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${started.name} at ${url} was not ready in time`);
}

const running: Started[] = [];
let database: SeparatePostgres | undefined;
let dir: string | undefined;
let cleaning: Promise<boolean> | undefined;

/** Stops everything; false when a process survived (then the run fails, naming it). */
function cleanUp(): Promise<boolean> {
  cleaning ??= (async () => {
    const left = await stopAll([...running]);
    database?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (left.length) console.error(`✖ smoke: processes still alive: ${left.join(", ")}`);
    return left.length === 0;
  })();
  return cleaning;
}

async function fail(message: string, started: Started[] = []): Promise<never> {
  console.error(`✖ smoke: ${message}`);
  for (const s of started) {
    const tail = s.output.join("").split("\n").slice(-30).join("\n");
    if (tail.trim()) console.error(`--- last lines of ${s.name} ---\n${tail}`);
  }
  await cleanUp();
  process.exit(1);
}

async function main() {
  const startedAt = Date.now();
  const stale = staleBuildReason(root) ?? (previewRuntimeBuilt() ? null : "no preview runtime");
  if (stale) {
    log(`building (${stale}): npm run build`);
    if ((await runToEnd("build", ["run", "build"], { NODE_ENV: "production" })) !== 0)
      await fail("the build failed");
  } else log("reusing the build in .next and .preview-runtime");

  dir = mkdtempSync(path.join(os.tmpdir(), "vitrine-smoke-"));
  const pgPort = await getFreePort();
  database = await startSeparatePostgres(dir, pgPort);
  log(`PostgreSQL (Debian's) on 127.0.0.1:${pgPort}`);
  if ((await runToEnd("migrate", ["run", "db:migrate"], { DATABASE_URL: database.url })) !== 0)
    await fail("npm run db:migrate failed");

  const shared = {
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    THUMBNAILS: "on",
    NEXT_TELEMETRY_DISABLED: "1",
    VITRINE_DATA_DIR: dir,
    // e2e/smoke/stop.spec.ts holds a publish inside its transaction (a table lock) while it stops a
    // web process; the default 2 s lock wait would end it first.
    DB_LOCK_TIMEOUT_MS: "30000",
  };
  // Each web process is reached on its own port, so each names its own origin (behind the proxy of
  // compose.yaml they share one); the preview origin is another site (127.0.0.1), as in production.
  const webs: { started: Started; url: string; preview: string }[] = [];
  for (const name of ["web1", "web2"]) {
    const port = await getFreePort();
    const url = `http://localhost:${port}`;
    const preview = `http://127.0.0.1:${port}`;
    const env = { ...shared, PORT: String(port), APP_ORIGIN: url, PREVIEW_ORIGIN: preview };
    const started = startGroup(name, npm, ["run", "start:web"], env, root);
    running.push(started);
    webs.push({ started, url, preview });
  }
  const worker = startGroup(
    "worker",
    npm,
    ["run", "start:worker"],
    { ...shared, APP_ORIGIN: webs[0]!.url, PREVIEW_ORIGIN: webs[0]!.preview },
    root,
  );
  running.push(worker);
  const servers = [...webs.map((w) => w.started), worker];
  try {
    const until = Date.now() + 90_000;
    await Promise.all(webs.map((w) => waitForReady(w.started, w.url, until)));
  } catch (err) {
    await fail(err instanceof Error ? err.message : String(err), servers);
  }
  if (worker.child.exitCode !== null) await fail("the worker exited", servers);
  log(`web1 ${webs[0]!.url}, web2 ${webs[1]!.url}, worker pid ${worker.child.pid}`);

  const code = await runToEnd(
    "playwright",
    ["exec", "--", "playwright", "test", "--config", "e2e/smoke/playwright.config.ts"],
    {
      SMOKE_WEB1: webs[0]!.url,
      SMOKE_WEB2: webs[1]!.url,
      SMOKE_PREVIEW1: webs[0]!.preview,
      SMOKE_WEB2_PGID: String(webs[1]!.started.child.pid),
      DATABASE_URL: database.url,
    },
  );
  if (code !== 0) await fail("the smoke spec failed", servers);
  if (!(await cleanUp())) process.exit(1);
  log(`passed in ${Math.round((Date.now() - startedAt) / 1000)}s; everything stopped`);
  process.exit(0);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.on(signal, () => void fail(`${signal} received`));
setTimeout(() => void fail(`timed out after ${TIMEOUT_MS / 1000}s`), TIMEOUT_MS).unref();
main().catch((err) => fail(err instanceof Error ? (err.stack ?? err.message) : String(err)));
