// Checks shared by the fork and import tests (db/queries/forks.test.ts and
// fork-concurrency.test.ts): an artifact row as stored, and the counters against a recount.
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/index";
import { artifacts } from "@/db/schema";

export async function row(id: string) {
  const [a] = await db.select().from(artifacts).where(eq(artifacts.id, id));
  return a!;
}

export async function countersMatchRecount() {
  const result = await db.execute<{
    id: string;
    forks_count: number;
    forks: number;
    imports_count: number;
    imports: number;
  }>(sql`
    select a.id, a.forks_count, a.imports_count,
      (select count(*)::int from artifacts f where f.forked_from_id = a.id) as forks,
      (select count(*)::int from artifact_versions v
        where v.version_metadata -> 'source' ->> 'kind' = 'import'
          and v.version_metadata -> 'source' ->> 'artifact_id' = a.id::text) as imports
    from artifacts a`);
  return result.rows.filter((r) => r.forks_count !== r.forks || r.imports_count !== r.imports);
}
