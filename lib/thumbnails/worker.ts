import "server-only";
import type PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { ensureQueue, getBoss, THUMBNAIL_QUEUE, THUMBNAIL_QUEUE_OPTIONS } from "./queue";

type Job = { artifactId: string; requestId?: string };

/**
 * Starts consuming a queue in this process: `concurrency` pollers taking one job each (default
 * THUMBNAIL_CONCURRENCY, 1: a render takes a CPU core). A thrown error fails the attempt and pg-boss
 * retries it with backoff.
 */
export async function startWorker({
  queue = THUMBNAIL_QUEUE,
  options = THUMBNAIL_QUEUE_OPTIONS,
  handle,
  pollingIntervalSeconds = 2,
  connectionString,
  concurrency = env.THUMBNAIL_CONCURRENCY,
}: {
  queue?: string;
  options?: Omit<PgBoss.Queue, "name">;
  handle: (artifactId: string) => Promise<unknown>;
  pollingIntervalSeconds?: number;
  connectionString?: string;
  concurrency?: number;
}): Promise<string[]> {
  const boss = await getBoss(connectionString);
  await ensureQueue(boss, queue, options);
  const ids: string[] = [];
  for (let i = 0; i < concurrency; i++) {
    ids.push(
      await boss.work<Job>(queue, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
        if (!job || typeof job.data?.artifactId !== "string") return;
        const { artifactId, requestId } = job.data;
        const log = logger(typeof requestId === "string" ? requestId : undefined).child({
          jobId: job.id,
          artifactId,
        });
        const started = performance.now();
        try {
          const outcome = await handle(artifactId);
          log.info({ outcome, ms: Math.round(performance.now() - started) }, "thumbnail job done");
          return { outcome };
        } catch (err) {
          // pg-boss retries it with backoff; the line says which job failed and why.
          log.warn({ err }, "thumbnail job failed");
          throw err;
        }
      }),
    );
  }
  return ids;
}

/** The thumbnail worker: `npm run start:worker`, or inside the demo's one process (instrumentation.ts). */
export async function startThumbnailWorker(): Promise<void> {
  // A worker killed outright (SIGKILL, OOM) cannot kill its browser or delete its profile folder;
  // the next one on this machine does (the demo's process and `npm run start:worker` alike).
  const { reapOrphans } = await import("./processes");
  const reaped = reapOrphans();
  if (reaped.browsers || reaped.folders)
    logger().warn(reaped, "removed browsers and profile folders left by a worker that died");
  const { processThumbnail } = await import("./job");
  const { chromiumExecutable } = await import("./chromium");
  let warned = false;
  await startWorker({
    handle: async (artifactId) => {
      const outcome = await processThumbnail(artifactId);
      if (outcome === "no-browser" && !warned) {
        warned = true;
        logger().warn("no Chromium found (set CHROMIUM_PATH): cards show generated placeholders");
      }
      return outcome;
    },
  });
  // Backfill: artifacts published before thumbnails existed (or while the queue was down), e.g.
  // the demo content on a first start. The stately queue drops duplicates of queued jobs.
  if (await chromiumExecutable()) {
    const { listArtifactsWithoutMedia } = await import("@/db/queries/media");
    const { enqueueThumbnail } = await import("./queue");
    for (const id of await listArtifactsWithoutMedia(BACKFILL_LIMIT)) await enqueueThumbnail(id);
  }
}

const BACKFILL_LIMIT = 500;
