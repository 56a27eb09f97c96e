import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { seedDemo } from "./seed";
import { benchLandmarks, seedBench, type BenchSeedResult } from "./seed-bench";

// The generator at 1% scale (2k artifacts, a 100-version history, a 200-node fork tree), next to
// the demo content as it would be in a developer's database.
const SCALE = 0.01;
const marks = benchLandmarks(SCALE);
const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await db.execute(q)).rows as T[];
let result: BenchSeedResult;

beforeAll(async () => {
  await seedDemo(db);
  result = await seedBench(db, { log: () => {}, scale: SCALE });
}, 120_000);

describe("seedBench", () => {
  it("creates the planned numbers of users, artifacts and versions", async () => {
    expect(result.created).toBe(true);
    const [r] = await rows<{ users: number; artifacts: number; versions: number }>(sql`
      select (select count(*)::int from users where email like '%@bench.vitrine.dev') users,
             (select count(*)::int from artifacts a join users u on u.id = a.owner_user_id where u.email like '%@bench.vitrine.dev') artifacts,
             (select count(*)::int from artifact_versions) versions`);
    expect(r!.users).toBe(marks.shape.users);
    expect(r!.artifacts).toBe(marks.shape.artifacts);
    expect(r!.versions).toBeGreaterThan(marks.shape.artifacts * 3);
  });

  it("does nothing the second time", async () => {
    const again = await seedBench(db, { log: () => {}, scale: SCALE });
    expect(again.created).toBe(false);
    expect(again.counts).toEqual(result.counts);
  });

  it("has one artifact with the big history, gapless, with kilobytes of code per version", async () => {
    const [r] = await rows<{
      n: number;
      max: number;
      current_ok: boolean;
      min_bytes: number;
      max_bytes: number;
    }>(sql`
      select count(*)::int n, max(version_index)::int max, min(octet_length(code_content))::int min_bytes,
             max(octet_length(code_content))::int max_bytes,
             bool_and(a.current_version_id = (select id from artifact_versions where artifact_id = a.id order by version_index desc limit 1)) current_ok
      from artifact_versions v join artifacts a on a.id = v.artifact_id where a.id = ${marks.bigHistoryArtifactId}`);
    expect(r).toMatchObject({
      n: marks.shape.bigHistoryVersions,
      max: marks.shape.bigHistoryVersions,
      current_ok: true,
    });
    expect(r!.min_bytes).toBeGreaterThan(2000);
    expect(r!.max_bytes).toBeGreaterThan(10000);
  });

  it("builds the fork tree: every node descends from the origin, and the chain tip is at full depth", async () => {
    const [tree] = await rows<{ n: number; max_depth: number }>(sql`
      with recursive t as (
        select id, 0 depth from artifacts where id = ${marks.forkOriginId}
        union all select a.id, t.depth + 1 from artifacts a join t on a.forked_from_id = t.id)
      select count(*)::int - 1 n, max(depth)::int max_depth from t`);
    expect(tree!.n).toBe(marks.shape.treeNodes);
    const [byOrigin] = await rows<{ n: number }>(
      sql`select count(*)::int n from artifacts where origin_artifact_id = ${marks.forkOriginId}`,
    );
    expect(byOrigin!.n).toBe(marks.shape.treeNodes);
    const [chain] = await rows<{ depth: number }>(sql`
      with recursive up as (
        select id, forked_from_id, 0 depth from artifacts where id = ${marks.deepestForkId}
        union all select a.id, a.forked_from_id, up.depth + 1 from artifacts a join up on a.id = up.forked_from_id)
      select max(depth)::int depth from up`);
    expect(chain!.depth).toBe(marks.shape.chainDepth);
  });

  it("keeps lineage, counters and version chains consistent", async () => {
    const badForks = await rows(sql`
      select f.id from artifacts f join artifacts p on p.id = f.forked_from_id
      join artifact_versions sv on sv.id = f.forked_from_version_id
      join artifact_versions v1 on v1.artifact_id = f.id and v1.version_index = 1
      where sv.artifact_id <> p.id or f.forked_from_owner_user_id <> p.owner_user_id
         or f.origin_artifact_id <> coalesce(p.origin_artifact_id, p.id)
         or f.origin_owner_user_id <> coalesce(p.origin_owner_user_id, p.owner_user_id)
         or f.forked_from_version_label <> coalesce(sv.label, 'v' || sv.version_index)
         or v1.parent_version_id <> sv.id or v1.code_content <> sv.code_content or f.created_at < sv.created_at`);
    expect(badForks).toEqual([]);
    const badCounts = await rows(sql`
      select a.id from artifacts a left join (select forked_from_id, count(*) n from artifacts group by 1) f on f.forked_from_id = a.id
      where a.forks_count <> coalesce(f.n, 0)`);
    expect(badCounts).toEqual([]);
    const badVersions = await rows(sql`
      select a.id from artifacts a join artifact_versions v on v.artifact_id = a.id group by a.id, a.current_version_id
      having max(v.version_index) <> count(*) or a.current_version_id <> (array_agg(v.id order by v.version_index desc))[1]`);
    expect(badVersions).toEqual([]);
  });

  it("mixes public and private, stores real hashes, and restores the indexes it dropped", async () => {
    const [r] = await rows<{ private_share: number; liked: number }>(sql`
      select avg((visibility = 'private')::int)::float private_share, count(*) filter (where likes_count > 0)::int liked from artifacts`);
    expect(r!.private_share).toBeGreaterThan(0.05);
    expect(r!.private_share).toBeLessThan(0.15);
    expect(r!.liked).toBeGreaterThan(100);
    const sample = await rows<{ code_content: string; code_blob_ref: string }>(
      sql`select code_content, code_blob_ref from artifact_versions order by id limit 50`,
    );
    for (const v of sample)
      expect(v.code_blob_ref).toBe(
        `sha256:${createHash("sha256").update(v.code_content).digest("hex")}`,
      );
    const indexes = await rows<{ indexname: string }>(
      sql`select indexname from pg_indexes where tablename in ('artifacts', 'artifact_versions')`,
    );
    expect(indexes.map((i) => i.indexname)).toEqual(
      expect.arrayContaining([
        "artifacts_recent_idx",
        "artifacts_origin_idx",
        "artifact_versions_parent_idx",
        "artifact_versions_artifact_index_idx",
      ]),
    );
    const fks = await rows<{ conname: string }>(
      sql`select conname from pg_constraint where contype = 'f' and conrelid = 'artifact_versions'::regclass`,
    );
    expect(fks.length).toBe(2);
  });
});
