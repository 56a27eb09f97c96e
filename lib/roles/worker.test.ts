import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { artifactVersions } from "@/db/schema";
import { makeArtifact, makeUser } from "@/db/test/lineage-fixtures";
import { profileFolders, thumbnailBrowserTrees } from "@/lib/thumbnails/processes";
import {
  enqueueThumbnail,
  ensureQueue,
  getBoss,
  stopBoss,
  THUMBNAIL_QUEUE,
} from "@/lib/thumbnails/queue";
import { browserForTests } from "@/lib/thumbnails/test-browser";

// The worker role as an operator runs it (`npm run start:worker`): SIGTERM'd in the middle of a
// render that never ends, and SIGKILL'd in the middle of one that would finish.
const root = path.resolve(import.meta.dirname, "../..");
// In CI a missing browser fails loudly (browserForTests), never a silent skip.
const hasBrowser = await browserForTests();

afterAll(() => stopBoss());

async function until<T>(
  probe: () => Promise<T | null | undefined> | T | null | undefined,
): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

type WorkerProcess = {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  /** The worker's pid, from its JSON start-up line, once it consumes the queue. */
  ready: Promise<number>;
  exited: Promise<number | null>;
};

function startWorkerProcess(extraEnv: Record<string, string>): WorkerProcess {
  // node --import tsx, as `npm run start:worker` runs it: the tsx CLI would stand between the
  // signal and the worker (and SIGKILL it when it is slow to acknowledge).
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "lib/roles/worker-main.ts"],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: "development", ...extraEnv },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  // {"level":"info",…,"pid":N,…,"msg":"thumbnail worker consuming the queue"}
  const ready = until(() =>
    /"pid":(\d+),[^\n]*"msg":"thumbnail worker consuming the queue"/.exec(output),
  ).then((m) => Number(m[1]));
  return { child, output: () => output, ready, exited };
}

async function jobStates(artifactId: string): Promise<string[]> {
  const rows = await db.execute(
    sql`select state from pgboss.job where name = ${THUMBNAIL_QUEUE} and data->>'artifactId' = ${artifactId}`,
  );
  return (rows.rows as { state: string }[]).map((r) => r.state);
}

async function mediaOf(artifactId: string) {
  const rows = await db.execute(
    sql`select thumb_url from artifact_media where artifact_id = ${artifactId}`,
  );
  return rows.rows as { thumb_url: string }[];
}

async function artifactWithCode(code: string) {
  const user = await makeUser();
  const artifact = await makeArtifact(user.id);
  await db
    .update(artifactVersions)
    .set({ codeContent: code })
    .where(eq(artifactVersions.id, artifact.currentVersionId));
  return artifact;
}

/** Leaves nothing running, whatever failed: the worker and every browser it launched. */
function killAll(worker: WorkerProcess, pid: number) {
  worker.child.kill("SIGKILL");
  for (const tree of pid ? thumbnailBrowserTrees(pid) : []) process.kill(-tree.pgid, "SIGKILL");
}

describe.runIf(hasBrowser)("npm run start:worker", () => {
  it("drains on SIGTERM mid-render: exit 0, no browser left, no half-written thumbnail, job kept", async () => {
    const artifact = await artifactWithCode("<script>while(true){}</script>");
    const worker = startWorkerProcess({
      THUMBNAIL_STALL_MS: "120000",
      THUMBNAIL_HARD_LIMIT_MS: "300000",
      THUMBNAIL_JOB_EXPIRE_SECONDS: "600",
    });
    let workerPid = 0;
    try {
      workerPid = await worker.ready;
      await enqueueThumbnail(artifact.id);
      // The render is under way: its job is active and the worker's browser exists.
      await until(
        async () =>
          (await jobStates(artifact.id)).includes("active") &&
          thumbnailBrowserTrees(workerPid).length === 1,
      );

      worker.child.kill("SIGTERM");
      expect(await worker.exited, worker.output()).toBe(0);
      expect(worker.output()).toContain("Stopped cleanly");
      expect(thumbnailBrowserTrees(workerPid)).toEqual([]);
      expect(profileFolders(workerPid)).toEqual([]);
      expect(await mediaOf(artifact.id)).toEqual([]);
      expect(await jobStates(artifact.id)).not.toContain("completed");
    } finally {
      killAll(worker, workerPid);
      // The endless artifact must not occupy the next test's worker (its start-up backfill would
      // queue it again).
      await db.execute(sql`delete from pgboss.job where data->>'artifactId' = ${artifact.id}`);
      await db.execute(sql`delete from artifacts where id = ${artifact.id}`);
    }
  }, 120_000);

  it("a worker killed outright mid-render: the next worker reaps its browser and folder, retries the job and saves the thumbnail", async () => {
    // An operator's short expiry: a dead worker's job is retried 20 s after it started.
    const expireSeconds = 20;
    const slowButFine = {
      THUMBNAIL_STALL_MS: "10000",
      THUMBNAIL_HARD_LIMIT_MS: "15000",
      THUMBNAIL_JOB_EXPIRE_SECONDS: String(expireSeconds),
      QUEUE_MAINTENANCE_SECONDS: "2",
    };
    const first = startWorkerProcess(slowButFine);
    let second: WorkerProcess | undefined;
    let firstPid = 0;
    let secondPid = 0;
    try {
      firstPid = await first.ready;
      // Two seconds of work, then a page: a render that finishes, but slowly enough to be killed
      // in. Made after the first worker started, so its start-up backfill does not queue it.
      const artifact = await artifactWithCode(
        "<h1>Slow but fine</h1><script>const end = Date.now() + 2000; while (Date.now() < end) {}</script>",
      );
      // Sent as enqueueThumbnail sends it with that setting, ahead of jobs other tests left queued.
      const boss = await getBoss();
      await ensureQueue(boss, THUMBNAIL_QUEUE);
      await boss.send(
        THUMBNAIL_QUEUE,
        { artifactId: artifact.id },
        { singletonKey: artifact.id, expireInSeconds: expireSeconds, priority: 10 },
      );
      await until(
        async () =>
          (await jobStates(artifact.id)).includes("active") &&
          thumbnailBrowserTrees(firstPid).length === 1,
      );

      // SIGKILL: no handler runs. Its browser (a process group of its own) and profile stay behind.
      first.child.kill("SIGKILL");
      await first.exited;
      expect(thumbnailBrowserTrees(firstPid)).toHaveLength(1);
      expect(profileFolders(firstPid).length).toBeGreaterThan(0);

      second = startWorkerProcess(slowButFine);
      secondPid = await second.ready;
      expect(thumbnailBrowserTrees(firstPid)).toEqual([]);
      expect(profileFolders(firstPid)).toEqual([]);
      expect(second.output()).toContain("removed browsers and profile folders");

      // pg-boss expires the dead worker's job, retries it, and the second worker renders it.
      const media = await until(async () => {
        const rows = await mediaOf(artifact.id);
        return rows.length ? rows : null;
      });
      expect(media[0]!.thumb_url).toBeTruthy();
      await until(async () => (await jobStates(artifact.id)).includes("completed"));

      second.child.kill("SIGTERM");
      expect(await second.exited, second.output()).toBe(0);
      expect(thumbnailBrowserTrees(secondPid)).toEqual([]);
    } finally {
      killAll(first, firstPid);
      if (second) killAll(second, secondPid);
    }
  }, 240_000);
});
