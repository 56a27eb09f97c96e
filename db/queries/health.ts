import "server-only";
import { sql } from "drizzle-orm";
import { db, getPool } from "@/db/index";
import { pendingMigrations } from "@/db/migrate";

// What readiness checks (app/api/ready): the database answers, every migration in data/migrations
// is applied, and how many thumbnail jobs wait. The queue is read with SQL, not a pg-boss instance,
// so a readiness probe never starts queue machinery in a web process.

export async function pingDatabase(): Promise<void> {
  await db.execute(sql`select 1`);
}

export async function readinessReport(): Promise<{ pending: string[]; backlog: number | null }> {
  const pending = await pendingMigrations(getPool());
  let backlog: number | null = null;
  const queue = await db.execute(sql`select to_regclass('pgboss.job') is not null as present`);
  if ((queue.rows[0] as { present: boolean }).present) {
    const rows = await db.execute(
      sql`select count(*)::int as n from pgboss.job where name = 'thumbnails' and state in ('created', 'retry')`,
    );
    backlog = (rows.rows[0] as { n: number }).n;
  }
  return { pending, backlog };
}
