import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

// A machine without Chromium: the job is skipped (no error, no retry storm), nothing is stored,
// and cards keep their generated placeholder.
process.env.CHROMIUM_PATH = "/nonexistent/chromium";
const { processThumbnail } = await import("./job");
const { db } = await import("@/db/index");
const { makeArtifact, makeUsers } = await import("@/db/test/social-fixtures");

describe("without a browser", () => {
  it("skips the job and stores nothing", async () => {
    const [owner] = await makeUsers(1, "nobrowser");
    const { id } = await makeArtifact({ ownerUserId: owner! });
    expect(await processThumbnail(id)).toBe("no-browser");
    const rows = await db.execute(sql`select 1 from artifact_media where artifact_id = ${id}`);
    expect(rows.rows).toHaveLength(0);
  });
});
