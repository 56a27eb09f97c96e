// Fixtures of the archive tests: an artifact with a real history (publish, edits with summaries and
// labels, a restore, chat on two versions, µs-precise timestamps) and a row count of everything an
// import could leave behind.
import { sql } from "drizzle-orm";
import { db } from "@/db/index";
import { createArtifact } from "@/db/queries/artifacts";
import { createVersion, restoreVersion } from "@/db/queries/versions";
import { publishInput } from "@/db/test/version-fixtures";

export async function artifactWithHistory(
  ownerUserId: string,
  overrides: Parameters<typeof publishInput>[1] = {},
) {
  const { id } = await createArtifact(
    publishInput(ownerUserId, { title: "Bouncing ball", language: "html", ...overrides }),
  );
  const idOf = async (n: number) =>
    (
      await db.execute<{ id: string }>(
        sql`select id from artifact_versions where artifact_id = ${id} and version_index = ${n}`,
      )
    ).rows[0]!.id;
  await createVersion({
    artifactId: id,
    ownerUserId,
    baseVersionId: await idOf(1),
    code: "<p>one</p>\n<p>two, bouncier</p>\n",
    summary: "Bouncier\nsecond line",
    label: "bouncy",
  });
  await createVersion({
    artifactId: id,
    ownerUserId,
    baseVersionId: await idOf(2),
    code: "<p>three</p>\n",
    summary: null,
    label: null,
  });
  await restoreVersion({ artifactId: id, ownerUserId, versionId: await idOf(1) });
  // Chat on a later version too (the MCP server saves versions with their chat), and timestamps
  // with microseconds, which a round trip through a JS Date would lose.
  await db.execute(
    sql`update artifact_versions set chat = ${JSON.stringify({ messages: [{ role: "assistant", content: "made it bouncier" }] })}::jsonb
        where artifact_id = ${id} and version_index = 2`,
  );
  await db.execute(
    sql`update artifact_versions set created_at = timestamptz '2025-03-04 05:06:07.123456+00' + (version_index || ' hours')::interval
        where artifact_id = ${id}`,
  );
  return id;
}

/** Rows of every table an import writes (and of the object store), for "nothing left behind". */
export async function importFootprint() {
  const { rows } = await db.execute<{
    artifacts: number;
    versions: number;
    imports: number;
    objects: number;
  }>(sql`select (select count(*)::int from artifacts) as artifacts,
                (select count(*)::int from artifact_versions) as versions,
                (select count(*)::int from artifact_imports) as imports,
                (select count(*)::int from stored_objects) as objects`);
  return rows[0]!;
}

/** Every version of an artifact as the round trip must keep it (parent by number, not by id). */
export async function historyOf(artifactId: string) {
  const { rows } = await db.execute(sql`
    select v.version_index as number, p.version_index as parent, v.code_content as code,
           v.code_language as language, v.summary, v.label, v.chat,
           to_char(v.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as created_at
      from artifact_versions v
      left join artifact_versions p on p.id = v.parent_version_id
     where v.artifact_id = ${artifactId}
     order by v.version_index`);
  return rows;
}
