import "server-only";
import type PgBoss from "pg-boss";
import {
  deleteExportParts,
  EXPORT_PART_BYTES,
  failAccountExport,
  finishAccountExport,
  getAccountExportDownload,
  purgeExpiredAccountExports,
  putExportPart,
  readExportPart,
  startAccountExport,
} from "@/db/queries/account-exports";
import { logger } from "@/lib/log";
import { ensureQueue, getBoss } from "@/lib/thumbnails/queue";
import { accountZipStream } from "./account-zip";

// Account exports too big to zip during a download run on the worker role, on the same pg-boss
// queue machinery as thumbnails (lib/thumbnails/queue.ts): the web process sends, the worker
// (lib/roles/worker-main.ts, or the demo's one process) builds the zip and stores it in the object
// store (stored_objects) for EXPORT_TTL_HOURS; only its owner can download it.

export const ACCOUNT_EXPORT_QUEUE = "account-exports";
export const EXPORT_TTL_HOURS = 24;

export const ACCOUNT_EXPORT_QUEUE_OPTIONS = {
  policy: "standard",
  retryLimit: 2,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
  retentionDays: 2,
} satisfies Omit<PgBoss.Queue, "name">;

type Job = { exportId: string };

/** Asks the worker to build export `exportId` (its row already says "queued"). */
export async function enqueueAccountExport(exportId: string): Promise<void> {
  const boss = await getBoss();
  await ensureQueue(boss, ACCOUNT_EXPORT_QUEUE, ACCOUNT_EXPORT_QUEUE_OPTIONS);
  await boss.send(ACCOUNT_EXPORT_QUEUE, { exportId } satisfies Job, { singletonKey: exportId });
}

/**
 * Builds one export: purges expired ones, zips the owner's account into parts of at most 8 MB in
 * the object store (memory holds one part), and marks the row ready. A failed attempt deletes the
 * parts it stored and throws (pg-boss retries); the last attempt marks the export failed.
 */
export async function processAccountExport(
  exportId: string,
  { lastAttempt = true }: { lastAttempt?: boolean } = {},
): Promise<"ready" | "gone"> {
  await purgeExpiredAccountExports();
  const row = await startAccountExport(exportId);
  if (!row) return "gone";
  try {
    const { artifactCount, stream } = await accountZipStream(row.userId);
    let part: Buffer[] = [];
    let partBytes = 0;
    let total = 0;
    let n = 0;
    const flush = async () => {
      if (!partBytes) return;
      await putExportPart({
        userId: row.userId,
        exportId: row.id,
        n: ++n,
        bytes: Buffer.concat(part),
      });
      part = [];
      partBytes = 0;
    };
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
      let rest = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      while (rest.length) {
        const take = rest.subarray(0, EXPORT_PART_BYTES - partBytes);
        part.push(Buffer.from(take));
        partBytes += take.length;
        total += take.length;
        rest = rest.subarray(take.length);
        if (partBytes === EXPORT_PART_BYTES) await flush();
      }
    }
    await flush();
    await finishAccountExport({
      id: row.id,
      userId: row.userId,
      byteSize: total,
      artifactCount,
      ttlHours: EXPORT_TTL_HOURS,
    });
    return "ready";
  } catch (err) {
    await deleteExportParts(row.userId, row.id);
    if (lastAttempt)
      await failAccountExport(row.id, "The export could not be built; please try again.");
    // A short error for pg-boss to store: the driver's error carries the query's parameters.
    const cause = err instanceof Error ? (err.cause instanceof Error ? err.cause : err) : null;
    throw new Error(
      `account export ${exportId} failed: ${cause?.message.slice(0, 200) ?? String(err)}`,
    );
  }
}

/** Consumes the account-export queue in this process (the worker role). One job at a time. */
export async function startAccountExportWorker({
  connectionString,
  pollingIntervalSeconds = 2,
}: { connectionString?: string; pollingIntervalSeconds?: number } = {}): Promise<string> {
  const boss = await getBoss(connectionString);
  await ensureQueue(boss, ACCOUNT_EXPORT_QUEUE, ACCOUNT_EXPORT_QUEUE_OPTIONS);
  return boss.work<Job>(
    ACCOUNT_EXPORT_QUEUE,
    { batchSize: 1, pollingIntervalSeconds, includeMetadata: true },
    async ([job]) => {
      if (!job || typeof job.data?.exportId !== "string") return;
      const log = logger().child({ jobId: job.id, exportId: job.data.exportId });
      const started = performance.now();
      const lastAttempt = job.retryCount >= job.retryLimit;
      try {
        const outcome = await processAccountExport(job.data.exportId, { lastAttempt });
        log.info({ outcome, ms: Math.round(performance.now() - started) }, "account export done");
        return { outcome };
      } catch (err) {
        log.warn(
          { err: err instanceof Error ? err.message : String(err) },
          "account export failed",
        );
        throw err;
      }
    },
  );
}

/** The owner's ready export as a byte stream, one stored part at a time; null for anyone else or once expired. */
export async function accountExportDownload({ id, userId }: { id: string; userId: string }) {
  const found = await getAccountExportDownload({ id, userId });
  if (!found) return null;
  const keys = [...found.parts];
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const key = keys.shift();
      if (!key) return controller.close();
      const bytes = await readExportPart(key);
      if (!bytes) return controller.error(new Error("an export part disappeared"));
      controller.enqueue(new Uint8Array(bytes));
    },
  });
  return { byteSize: found.byteSize, stream };
}
