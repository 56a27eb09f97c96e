import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

// The thumbnail queue lives in PostgreSQL (pg-boss, in its own "pgboss" schema, which it creates and
// migrates itself): jobs survive restarts, failures retry with exponential backoff. Web processes only
// send jobs; the worker role (lib/roles/worker-main.ts, or the demo's single process) consumes them
// and runs pg-boss's maintenance.

export const THUMBNAIL_QUEUE = "thumbnails";

export const THUMBNAIL_QUEUE_OPTIONS = {
  // "stately": at most one queued and one running job per artifact (singletonKey), so ten quick
  // saves render once more after the current render, not ten times.
  policy: "stately",
  retryLimit: 4,
  retryDelay: 10,
  retryBackoff: true,
  // A job whose worker was killed mid-render is retried after this (pg-boss marks it expired at
  // its next maintenance, every QUEUE_MAINTENANCE_SECONDS). Also set on each job (enqueueThumbnail),
  // so a changed setting applies without recreating the queue.
  expireInSeconds: env.THUMBNAIL_JOB_EXPIRE_SECONDS,
  retentionDays: 2,
} satisfies Omit<PgBoss.Queue, "name">;

type Cached = { boss: Promise<PgBoss>; queues: Set<string> };
const globalForBoss = globalThis as unknown as { vitrineBoss?: Cached };

/** The process's pg-boss instance, started on first use. */
export function getBoss(connectionString = env.DATABASE_URL): Promise<PgBoss> {
  if (!globalForBoss.vitrineBoss) {
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    // Only a consuming process supervises (maintenance, expiry): web processes just send.
    const supervise = env.VITRINE_ROLE !== "web";
    const boss = new PgBoss({
      connectionString,
      max: 3,
      application_name: "vitrine-jobs",
      schedule: false,
      supervise,
      maintenanceIntervalSeconds: env.QUEUE_MAINTENANCE_SECONDS,
    });
    // One pg-boss serves every queue (thumbnails, account exports…): its errors are the job store's.
    boss.on("error", (err) => logger().error({ err }, "job queue error"));
    const started = boss.start().catch((err) => {
      globalForBoss.vitrineBoss = undefined;
      throw err;
    });
    globalForBoss.vitrineBoss = { boss: started, queues: new Set() };
  }
  return globalForBoss.vitrineBoss.boss;
}

export async function ensureQueue(
  boss: PgBoss,
  name: string,
  options: Omit<PgBoss.Queue, "name"> = THUMBNAIL_QUEUE_OPTIONS,
) {
  const cached = globalForBoss.vitrineBoss;
  if (cached?.queues.has(name)) return;
  if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...options });
  cached?.queues.add(name);
}

/**
 * Asks for a fresh thumbnail of the artifact's current version. Call it after the publish / new
 * version transaction has committed. Never throws: a queue outage must not fail a publish (the
 * card keeps its placeholder, and the next version enqueues again).
 */
export async function enqueueThumbnail(artifactId: string, requestId?: string): Promise<void> {
  if (env.THUMBNAILS === "off") return;
  try {
    const boss = await getBoss();
    await ensureQueue(boss, THUMBNAIL_QUEUE);
    // The request id travels with the job, so the worker's lines about it join the publish's.
    await boss.send(
      THUMBNAIL_QUEUE,
      { artifactId, requestId },
      {
        singletonKey: artifactId,
        expireInSeconds: env.THUMBNAIL_JOB_EXPIRE_SECONDS,
      },
    );
  } catch (err) {
    logger(requestId).error({ err, artifactId }, "could not enqueue a thumbnail");
  }
}

/** Stops consuming and closes the queue's pool; a job still running after timeoutMs is left to expire and retry. */
export async function stopBoss({ timeoutMs = 5000 }: { timeoutMs?: number } = {}): Promise<void> {
  const cached = globalForBoss.vitrineBoss;
  globalForBoss.vitrineBoss = undefined;
  if (cached) await (await cached.boss).stop({ graceful: true, wait: true, timeout: timeoutMs });
}

/** Jobs waiting to be rendered (for readiness and the benchmark). */
export async function queueBacklog(queue = THUMBNAIL_QUEUE): Promise<number> {
  const boss = await getBoss();
  return boss.getQueueSize(queue);
}
