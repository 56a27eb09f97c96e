import { randomUUID } from "node:crypto";
import pg from "pg";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE } from "@/db/busy";
import { createDatabase } from "@/db/client";
import { db } from "@/db/index";
import { makeUser } from "@/db/test/lineage-fixtures";
import { getFreePort } from "@/lib/ports";
import { failureState } from "@/lib/actions";
import { createArtifact } from "./artifacts";

// A database restart in the middle of a publish. A restart (or crash) ends every backend with
// 57P01 "terminating connection due to administrator command" — exactly what pg_terminate_backend
// does to one — so we end the publish's own connection while it is inside its transaction, after
// the artifact row and before the version row. The user must get a plain sentence (not the generic
// failure), nothing half-written may remain, and the same pool must publish again right after.

const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
await admin.connect();
afterAll(() => admin.end());

const quiet = { error: () => {}, warn: () => {} } as unknown as Parameters<typeof failureState>[2];

function publishInput(ownerUserId: string, title: string) {
  return {
    ownerUserId,
    idempotencyKey: randomUUID(),
    title,
    description: null,
    visibility: "public" as const,
    versioningEnabled: true,
    chatHistoryPublic: false,
    language: "html",
    code: "<p>written whole or not at all</p>",
    chat: null,
  };
}

async function countByTitle(title: string) {
  const { rows } = await admin.query<{ artifacts: number; versions: number }>(
    `select (select count(*)::int from artifacts where title = $1) as artifacts,
            (select count(*)::int from artifact_versions v join artifacts a on a.id = v.artifact_id
              where a.title = $1) as versions`,
    [title],
  );
  return rows[0]!;
}

describe("the database going away during a write", () => {
  it("a publish cut off mid-transaction says so, leaves nothing, and the next one works", async () => {
    const user = await makeUser();
    const title = `Outage ${randomUUID()}`;

    // Hold the version table, so the publish stops between its two inserts, inside its transaction.
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    await holder.query("begin");
    await holder.query("lock table artifact_versions in exclusive mode");
    const attempt = createArtifact(publishInput(user.id, title)).then(
      () => null,
      (err: unknown) => err,
    );
    try {
      // The publish's backend, waiting for that lock: end it, as a restart would.
      for (;;) {
        const { rows } = await admin.query<{ pid: number }>(
          `select pid from pg_stat_activity
            where datname = current_database() and application_name = 'vitrine'
              and wait_event_type = 'Lock'`,
        );
        if (rows[0]) {
          await admin.query("select pg_terminate_backend($1)", [rows[0].pid]);
          break;
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    } finally {
      await holder.query("rollback");
      await holder.end();
    }

    const err = await attempt;
    expect(err, "the publish must fail, not succeed").toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(err)).toBe(true);
    const shown = failureState(err, { title }, quiet);
    expect(shown.message).toBe(UNAVAILABLE_MESSAGE);
    expect(shown.values).toEqual({ title }); // what the user typed comes back to the form
    // The artifact row was inserted before the cut: rolled back with the transaction.
    expect(await countByTitle(title)).toEqual({ artifacts: 0, versions: 0 });

    // The pool dropped the dead connection: publishing again works at once.
    await createArtifact(publishInput(user.id, title));
    expect(await countByTitle(title)).toEqual({ artifacts: 1, versions: 1 });
    await db.execute(sql`select 1`);
  });

  it("an unreachable database is told apart from a bug", async () => {
    const port = await getFreePort(); // nothing listens there
    const { pool, db: unreachable } = createDatabase(
      `postgres://postgres:x@127.0.0.1:${port}/vitrine`,
    );
    try {
      const err = await unreachable.execute(sql`select 1`).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDatabaseUnavailable(err)).toBe(true);
      expect(failureState(err, undefined, quiet).message).toBe(UNAVAILABLE_MESSAGE);
      // A programming error is not an outage.
      expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    } finally {
      await pool.end();
    }
  });
});
