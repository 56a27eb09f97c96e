import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { GET } from "./route";

// Real database (the migrated per-file clone): ready, then not ready once a migration is missing.
describe("/api/ready", () => {
  it("is ready on a migrated database and reports the thumbnail backlog", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "ready",
      database: "up",
      migrations: { pending: [] },
    });
  });

  it("is not ready while a migration is pending, naming it", async () => {
    await db.execute(sql`delete from __drizzle_migrations where created_at = 1764000008000`);
    const res = await GET();
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.migrations.pending).toEqual(["008_converge"]);
    expect(body.message).toMatch(/db:migrate/);
  });
});
