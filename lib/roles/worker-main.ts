// `npm run start:worker`: the thumbnail worker role. Consumes the pg-boss queue and owns the one
// Chromium; serves no HTTP. Runs with `--conditions=react-server` (the modules it loads are
// server-only). Any number of workers may run; each renders THUMBNAIL_CONCURRENCY pages at once.
import { env, productionConfigProblems } from "@/lib/env";
import { logger } from "@/lib/log";

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

async function main() {
  const problems = productionConfigProblems();
  if (problems.length)
    fail(`The worker cannot start in production:\n  - ${problems.join("\n  - ")}`);
  if (!env.DATABASE_URL)
    fail("DATABASE_URL is not set: the worker needs the database that holds the queue.");
  if (env.THUMBNAILS === "off") fail("THUMBNAILS=off: there is nothing for a worker to do.");
  if (env.THUMBNAIL_JOB_EXPIRE_SECONDS * 1000 <= env.THUMBNAIL_HARD_LIMIT_MS)
    fail(
      `THUMBNAIL_JOB_EXPIRE_SECONDS (${env.THUMBNAIL_JOB_EXPIRE_SECONDS}) must be longer than a render may take ` +
        `(THUMBNAIL_HARD_LIMIT_MS=${env.THUMBNAIL_HARD_LIMIT_MS}), or slow renders would be retried while they run.`,
    );

  const { migrateDatabase } = await import("@/db/migrate");
  await migrateDatabase(env.DATABASE_URL);

  const { startThumbnailWorker } = await import("@/lib/thumbnails/worker");
  const { stopBoss } = await import("@/lib/thumbnails/queue");
  const { closeBrowser } = await import("@/lib/thumbnails/chromium");
  const { closeDb } = await import("@/db/index");
  const { onShutdown } = await import("./shutdown");
  // The queue first (no new job starts; the one in flight gets a few seconds to finish, else it
  // is retried by pg-boss after expiry), then the browser, then the pool.
  onShutdown(
    [
      { name: "queue", close: () => stopBoss({ timeoutMs: 5000 }) },
      { name: "browser", close: () => closeBrowser() },
      { name: "database pool", close: () => closeDb() },
    ],
    (line) => logger().info(line),
  );
  await startThumbnailWorker();
  await (await import("@/lib/archive/account-job")).startAccountExportWorker(); // big account exports
  logger().info({ concurrency: env.THUMBNAIL_CONCURRENCY }, "thumbnail worker consuming the queue");
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
