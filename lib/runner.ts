// `npm start` / `npm run dev`: everything a fresh clone needs before Next.js can serve.
// 1. refuse a taken port, 2. use DATABASE_URL or start the embedded PostgreSQL, 3. migrate,
// 4. seed demo content on the embedded database's first start, 5. build if the source changed,
// 6. run Next.js, and stop the database cleanly when it exits.
// `npm run start:web` (mode "web") is the production web role: DATABASE_URL only, never an embedded
// database or demo users, a build made beforehand by `npm run build`, no queue consumer or Chromium.
// Under NODE_ENV=production (without VITRINE_DEMO=1) every mode refuses a missing or unsafe variable.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { env, isProduction, productionConfigProblems } from "@/lib/env";
import { staleBuildReason, writeBuildStamp, completeStandalone } from "@/lib/roles/build-stamp";
import { isPortFree } from "@/lib/ports";
import { dataDir, nextServerNodeOptions, projectRoot } from "@/lib/paths";
import { buildPreviewRuntime, previewRuntimeBuilt } from "@/scripts/run-preview-runtime-build";

type Mode = "start" | "dev" | "web";

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

function log(message: string) {
  console.log(`▸ ${message}`);
}

async function checkReachable(url: string): Promise<void> {
  let host = "the database";
  try {
    const u = new URL(url);
    host = `${u.hostname}:${u.port || 5432}`;
  } catch {
    fail("DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database).");
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
  } catch (err) {
    const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
    fail(`Cannot reach the database at ${host} (DATABASE_URL): ${reason}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** A stable AUTH_SECRET for local use, so sessions survive restarts; production sets its own. */
function ensureAuthSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(dataDir(), "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir(), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function seedIfEmpty(url: string): Promise<void> {
  const { seedDemo } = await import("@/db/seed");
  const { createDatabase } = await import("@/db/client");
  const { pool, db } = createDatabase(url, { statementTimeoutMs: 600_000 });
  try {
    const result = await seedDemo(db);
    if (result.created)
      log(`Seeded demo content: ${result.users} users, ${result.artifacts} artifacts.`);
  } finally {
    await pool.end();
  }
}

function runNext(args: string[], extraEnv: Record<string, string>): ChildProcess {
  const bin = path.join(projectRoot(), "node_modules", "next", "dist", "bin", "next");
  return spawn(process.execPath, [bin, ...args], {
    cwd: projectRoot(),
    stdio: "inherit",
    env: { ...process.env, ...extraEnv, NODE_OPTIONS: nextServerNodeOptions() },
  });
}

function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  );
}

async function main() {
  const mode: Mode =
    process.argv[2] === "dev" ? "dev" : process.argv[2] === "web" ? "web" : "start";
  const port = env.PORT;
  const production = isProduction();
  const problems = productionConfigProblems();
  if (problems.length)
    fail(
      `Refusing to start in production (NODE_ENV=production):\n  - ${problems.join("\n  - ")}\n  (For a local demo in production mode, set VITRINE_DEMO=1.)`,
    );
  if (mode === "web" && !env.DATABASE_URL)
    fail(
      "DATABASE_URL is required by `npm run start:web`: web processes share one database (the embedded one is for `npm start`).",
    );

  if (!(await isPortFree(port))) {
    fail(
      `Port ${port} is already in use. Stop what runs there, or choose another: PORT=${port + 1} npm ${mode === "dev" ? "run dev" : "start"}`,
    );
  }

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (databaseUrl) {
    await checkReachable(databaseUrl);
    log("Using the database at DATABASE_URL.");
  } else {
    log(
      `Starting the embedded PostgreSQL (data in ${path.relative(projectRoot(), dataDir()) || "."}/pg)…`,
    );
    try {
      embedded = await startEmbeddedPostgres({ dataDir: dataDir(), port: env.EMBEDDED_PG_PORT });
    } catch (err) {
      fail(err instanceof Error ? err.message : String(err));
    }
    databaseUrl = embedded.url;
    log(`Embedded PostgreSQL is up on 127.0.0.1:${embedded.port}.`);
  }

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (embedded) {
      log("Stopping the embedded PostgreSQL…");
      await embedded.stop().catch(() => {});
    }
    process.exit(code);
  };

  try {
    await migrateDatabase(databaseUrl);
    log("Database schema is up to date.");
    // Demo accounts have a published password: only on the embedded database, never in production.
    if (embedded && !production) await seedIfEmpty(databaseUrl);
  } catch (err) {
    console.error(
      `\n✖ Could not prepare the database: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    await shutdown(1);
  }

  const childEnv: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: production ? env.AUTH_SECRET! : ensureAuthSecret(),
    PORT: String(port),
    // `next start` runs with NODE_ENV=production; the demo's conveniences stay allowed in it.
    VITRINE_DEMO: production ? "0" : "1",
    VITRINE_ROLE: mode === "web" ? "web" : "all",
    // Telemetry would try to reach the network, which these machines do not have.
    NEXT_TELEMETRY_DISABLED: "1",
  };

  const stale = mode === "dev" ? null : staleBuildReason(projectRoot());
  const runtimeMissing = !previewRuntimeBuilt();
  if ((stale || runtimeMissing) && mode === "web") {
    // Several web processes may start at once: building is a deploy step, not a start-up race.
    const reason = stale ?? "the preview runtime (.preview-runtime) is not built";
    console.error(`\n✖ Cannot start the web role: ${reason}. Run \`npm run build\` first.\n`);
    await shutdown(1);
  }
  if (runtimeMissing || (stale && mode === "start")) {
    log("Vendoring the preview's package set (.preview-runtime)…");
    await buildPreviewRuntime().catch(async (err: Error) => {
      console.error(`\n✖ ${err.message}\n`);
      await shutdown(1);
    });
  }
  if (stale && mode === "start") {
    log(`Building (${stale}): running \`next build\`…`);
    const code = await waitForExit(runNext(["build"], { ...childEnv, NODE_ENV: "production" }));
    if (code !== 0) {
      console.error("\n✖ The build failed; see the output above.\n");
      await shutdown(code);
    }
    completeStandalone(projectRoot());
    writeBuildStamp(projectRoot());
  }

  // `next start` from the project root (not the standalone server.js): previews and thumbnails still
  // read their runtime entries from the source tree. The Docker web image runs the standalone server.
  const child = runNext(
    mode === "dev"
      ? ["dev", "-p", String(port)]
      : ["start", "-p", String(port), ...(env.HOST ? ["-H", env.HOST] : [])],
    childEnv,
  );
  // Next.js stops accepting connections on SIGTERM and finishes the requests in flight (a publish
  // mid-transaction commits and answers) before it exits. A request that never ends must not keep
  // the process past an orchestrator's grace period: after 9 s it is killed, and says so.
  let signalled = false;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      child.kill("SIGTERM");
      if (signalled) return;
      signalled = true;
      setTimeout(() => {
        console.error("✖ Requests were still running 9 s after the stop signal; stopping anyway.");
        child.kill("SIGKILL");
      }, 9_000).unref();
    });
  }
  const code = await waitForExit(child);
  await shutdown(code);
}

main().catch((err) => {
  console.error(`\n✖ ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
