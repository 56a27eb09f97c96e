import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";

// The thumbnail queue lives in PostgreSQL (pg-boss, in its own "pgboss" schema, which it creates and
// migrates itself): jobs survive restarts, failures retry with exponential backoff, and the worker
// runs inside the Next.js server process (instrumentation.ts) — no extra command.

export const THUMBNAIL_QUEUE = "thumbnails";

export const THUMBNAIL_QUEUE_OPTIONS = {
  // "stately": at most one queued and one running job per artifact (singletonKey), so ten quick
  // saves render once more after the current render, not ten times.
  policy: "stately",
  retryLimit: 4,
  retryDelay: 10,
  retryBackoff: true,
  expireInSeconds: 120,
  retentionDays: 2,
} satisfies Omit<PgBoss.Queue, "name">;

type Cached = { boss: Promise<PgBoss>; queues: Set<string> };
const globalForBoss = globalThis as unknown as { vitrineBoss?: Cached };

/** The process's pg-boss instance, started on first use. */
export function getBoss(connectionString = env.DATABASE_URL): Promise<PgBoss> {
  if (!globalForBoss.vitrineBoss) {
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    const boss = new PgBoss({ connectionString, max: 3, application_name: "vitrine-jobs", schedule: false });
    boss.on("error", (err) => console.error(`[thumbnails] queue error: ${err.message}`));
    const started = boss.start().catch((err) => {
      globalForBoss.vitrineBoss = undefined;
      throw err;
    });
    globalForBoss.vitrineBoss = { boss: started, queues: new Set() };
  }
  return globalForBoss.vitrineBoss.boss;
}

export async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, "name"> = THUMBNAIL_QUEUE_OPTIONS) {
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
export async function enqueueThumbnail(artifactId: string): Promise<void> {
  if (env.THUMBNAILS === "off") return;
  try {
    const boss = await getBoss();
    await ensureQueue(boss, THUMBNAIL_QUEUE);
    await boss.send(THUMBNAIL_QUEUE, { artifactId }, { singletonKey: artifactId });
  } catch (err) {
    console.error(`[thumbnails] could not enqueue ${artifactId}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export async function stopBoss(): Promise<void> {
  const cached = globalForBoss.vitrineBoss;
  globalForBoss.vitrineBoss = undefined;
  if (cached) await (await cached.boss).stop({ graceful: true, wait: true, timeout: 5000 });
}
