import { describe, expect, it } from "vitest";
import { getBoss, stopBoss } from "./queue";
import { startWorker } from "./worker";

describe("the job queue (pg-boss on our PostgreSQL)", () => {
  it("keeps a job across a restart, and retries a failing job with growing delays until it succeeds", async () => {
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
          attempts.push(Date.now());
          if (attempts.length <= 2) throw new Error(`flaky failure ${attempts.length}`);
          resolve();
          return "ok";
        },
      });
    });
    await done;
    const restarted = await getBoss(process.env.DATABASE_URL);
    await expect.poll(async () => (await restarted.getJobById(queue, id!))?.state, { timeout: 5000 }).toBe("completed");
    const job = await restarted.getJobById(queue, id!);
    expect(job?.retryCount).toBe(2);
    expect(attempts).toHaveLength(3);
    // Backoff: retry n waits retryDelay * 2^n * (1..2) seconds — the second wait is the longer one.
    const [first, second] = [attempts[1]! - attempts[0]!, attempts[2]! - attempts[1]!];
    expect(first).toBeGreaterThanOrEqual(900);
    expect(second).toBeGreaterThanOrEqual(1900);
    await stopBoss();
  }, 30_000);
});
