import { spawn } from "node:child_process";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { artifactVersions } from "@/db/schema";
import { makeArtifact, makeUser } from "@/db/test/lineage-fixtures";
import { thumbnailBrowserTrees } from "@/lib/thumbnails/processes";
import { enqueueThumbnail, stopBoss } from "@/lib/thumbnails/queue";
import { browserForTests } from "@/lib/thumbnails/test-browser";

// The worker role as an operator runs it (`npm run start:worker`), SIGTERM'd in the middle of a
// render that never ends: it stops cleanly, leaves no browser process, writes no thumbnail, and
// the job stays in the queue for another worker to retry.
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

describe.runIf(hasBrowser)("npm run start:worker", () => {
  it("drains on SIGTERM mid-render: exit 0, no browser left, no half-written thumbnail, job kept", async () => {
    const user = await makeUser();
    const artifact = await makeArtifact(user.id);
    await db
      .update(artifactVersions)
      .set({ codeContent: "<script>while(true){}</script>" })
      .where(eq(artifactVersions.id, artifact.currentVersionId));

    // node --import tsx, as `npm run start:worker` runs it: the tsx CLI would stand between the
    // signal and the worker (and SIGKILL it when it is slow to acknowledge).
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", "lib/roles/worker-main.ts"],
      {
        cwd: root,
        env: {
          ...process.env,
          NODE_ENV: "development",
          THUMBNAIL_STALL_MS: "120000",
          THUMBNAIL_HARD_LIMIT_MS: "300000",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => resolve(code)),
    );

    let workerPid = 0;
    try {
      // Its JSON start-up line (lib/log): {"level":"info",…,"pid":N,…,"msg":"thumbnail worker consuming the queue"}
      workerPid = Number(
        (
          await until(() =>
            /"pid":(\d+),[^\n]*"msg":"thumbnail worker consuming the queue"/.exec(output),
          )
        )[1],
      );
      await enqueueThumbnail(artifact.id);
      // The render is under way: its job is active and the worker's browser exists.
      await until(async () => {
        const rows = await db.execute(
          sql`select 1 from pgboss.job where name = 'thumbnails' and state = 'active' and data->>'artifactId' = ${artifact.id}`,
        );
        return rows.rows.length > 0 && thumbnailBrowserTrees(workerPid).length === 1;
      });

      child.kill("SIGTERM");
      expect(await exited, output).toBe(0);
      expect(output).toContain("Stopped cleanly");
      expect(thumbnailBrowserTrees(workerPid)).toEqual([]);
      const media = await db.execute(
        sql`select 1 from artifact_media where artifact_id = ${artifact.id}`,
      );
      expect(media.rows).toEqual([]);
      const job = await db.execute(
        sql`select state from pgboss.job where name = 'thumbnails' and data->>'artifactId' = ${artifact.id}`,
      );
      expect((job.rows as { state: string }[]).map((r) => r.state)).not.toContain("completed");
    } finally {
      // Whatever failed above, leave nothing running.
      child.kill("SIGKILL");
      for (const tree of workerPid ? thumbnailBrowserTrees(workerPid) : [])
        process.kill(-tree.pgid, "SIGKILL");
    }
  }, 120_000);
});
