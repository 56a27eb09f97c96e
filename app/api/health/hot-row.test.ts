// Issue 12 item 4: with one artifact row locked and 30 likes waiting on it, /api/health answered 503
// and unrelated pages 500 for ~25 s (the 10-connection pool was exhausted by waiting writes). Now a
// write waits a bounded time for a row lock and for a write slot, reads keep connections of their
// own, and each waiting like ends with a clear "busy, try again" (503 + Retry-After for JSON).
// No timing assertions: the test waits for the lock queue to form, then for every request to end.
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { BUSY_MESSAGE, busyResponse, isBusy, WRITE_SLOTS } from "@/db/busy";
import { db } from "@/db/index";
import { getArtifactForViewer } from "@/db/queries/artifacts";
import { listGallery } from "@/db/queries/gallery";
import { likeArtifact } from "@/db/queries/likes";
import { makeArtifact, makeUsers } from "@/db/test/social-fixtures";
import { failureState } from "@/lib/actions";

const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
let users: string[];
let hot: string;
let other: string;

beforeAll(async () => {
  await holder.connect();
  users = await makeUsers(30, "hot");
  hot = (await makeArtifact({ ownerUserId: users[0]!, title: "Hot row" })).id;
  other = (await makeArtifact({ ownerUserId: users[0]!, title: "Somewhere else" })).id;
});

afterAll(async () => {
  await holder.end();
});

async function lockWaiters(): Promise<number> {
  const r = await holder.query(
    "select count(*)::int as n from pg_locks where not granted and locktype in ('transactionid', 'tuple')",
  );
  return r.rows[0].n as number;
}

describe("a hot row under a burst", () => {
  it("keeps other pages answering and ends the waiting likes with a clear busy message", async () => {
    await holder.query("begin");
    await holder.query("select id from artifacts where id = $1 for update", [hot]);

    const likes = users.map((userId) =>
      likeArtifact({ userId, artifactId: hot }).then(
        () => "liked" as const,
        (err: unknown) => err,
      ),
    );
    // Wait (by polling the lock table, not the clock) until the first writes queue on the row.
    while ((await lockWaiters()) < 1) await new Promise((r) => setImmediate(r));

    // Meanwhile, unrelated pages and the health check answer.
    const pages = await Promise.all([
      health(),
      ...Array.from({ length: 10 }, () => getArtifactForViewer({ id: other, viewerId: null })),
      ...Array.from({ length: 5 }, () => listGallery({ sort: "newest" })),
    ]);
    expect((pages[0] as Response).status).toBe(200);
    expect(
      pages
        .slice(1, 11)
        .every((a) => (a as { artifact?: { id: string } } | null)?.artifact?.id === other),
    ).toBe(true);

    const outcomes = await Promise.all(likes);
    await holder.query("rollback");

    // Every like that waited ended as "busy", none as a generic failure or an outage.
    expect(
      outcomes
        .filter((o) => o !== "liked" && !isBusy(o))
        .map((e) => String((e as { cause?: unknown }).cause ?? e)),
    ).toEqual([]);
    expect(outcomes.filter((o) => o !== "liked").length).toBe(30);
    expect(failureState(outcomes[0])).toMatchObject({ status: "error", message: BUSY_MESSAGE });
    const json = busyResponse();
    expect(json.status).toBe(503);
    expect(Number(json.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(((await json.json()) as { error: string }).error).toBe(BUSY_MESSAGE);
    expect(WRITE_SLOTS).toBeLessThan(10);

    // Nothing was half-written, and once the lock is gone likes work again.
    const count = await db.execute(
      sql`select likes_count, (select count(*)::int from likes where artifact_id = ${hot}) as n from artifacts where id = ${hot}`,
    );
    expect(count.rows[0]).toEqual({ likes_count: 0, n: 0 });
    await expect(likeArtifact({ userId: users[1]!, artifactId: hot })).resolves.toMatchObject({
      status: "ok",
      likesCount: 1,
    });
  });
});
