import { describe, expect, it } from "vitest";
import { ensureQueue, getBoss, stopBoss, THUMBNAIL_QUEUE_OPTIONS } from "./queue";
import { startWorker } from "./worker";

describe("the job queue (pg-boss on our PostgreSQL)", () => {
  it("creates the thumbnail queue with our retry policy (exponential backoff, 4 retries, 10 s base)", async () => {
    const boss = await getBoss(process.env.DATABASE_URL);
    const name = "thumbnails-options-test";
    await ensureQueue(boss, name);
    expect(await boss.getQueue(name)).toMatchObject({
      policy: "stately",
      retryLimit: THUMBNAIL_QUEUE_OPTIONS.retryLimit,
      retryDelay: THUMBNAIL_QUEUE_OPTIONS.retryDelay,
      retryBackoff: true,
      expireInSeconds: THUMBNAIL_QUEUE_OPTIONS.expireInSeconds,
    });
    // A job sent without options inherits them: pg-boss, not a wall clock, applies the backoff.
    const id = await boss.send(name, { artifactId: "a2" });
    expect(await boss.getJobById(name, id!)).toMatchObject({
      retryLimit: 4,
      retryDelay: 10,
      retryBackoff: true,
    });
    await stopBoss();
  });

  it("keeps a job across a restart, and retries a failing job until it succeeds", async () => {
    const queue = "retry-test";
    const options = { retryLimit: 3, retryDelay: 1, retryBackoff: true, expireInSeconds: 30 };
    const boss = await getBoss(process.env.DATABASE_URL);
    await boss.createQueue(queue, { name: queue, ...options });
    const id = await boss.send(queue, { artifactId: "a1" }, options);
    expect(id).toBeTruthy();
    // "Restart": the process's queue goes away before any worker ran; the job is in the database.
    await stopBoss();

    const attempts: number[] = [];
    const done = new Promise<void>((resolve) => {
      void startWorker({
        queue,
        options,
        pollingIntervalSeconds: 0.5,
        connectionString: process.env.DATABASE_URL,
        handle: async (artifactId) => {
          expect(artifactId).toBe("a1");
          attempts.push(attempts.length + 1);
          if (attempts.length <= 2) throw new Error(`flaky failure ${attempts.length}`);
          resolve();
          return "ok";
        },
      });
    });
    await done;
    const restarted = await getBoss(process.env.DATABASE_URL);
    await expect
      .poll(async () => (await restarted.getJobById(queue, id!))?.state, { timeout: 5000 })
      .toBe("completed");
    const job = await restarted.getJobById(queue, id!);
    expect(job?.retryCount).toBe(2);
    expect(attempts).toEqual([1, 2, 3]);
    // The delays between attempts are pg-boss's own (tested upstream); we check it was asked for them.
    expect(job).toMatchObject({ retryLimit: 3, retryDelay: 1, retryBackoff: true });
    await stopBoss();
  }, 30_000);
});
