// The benchmark dataset of PERFORMANCE.md, generated inside PostgreSQL with set-based SQL:
// ~20k users, ~200k artifacts, ~1M versions, one artifact with 10,000 versions of 2–25 KB code,
// one origin whose fork tree has 20,000 descendants including a chain 500 forks deep.
//
// Every id is derived from a name (md5 shaped as a version-4 uuid), and every row's owner, parent,
// version count and dates are functions of its number, so no statement has to look up another
// row's id: the whole dataset is a handful of INSERT … SELECT statements. It runs in one
// transaction (a crash leaves nothing half-made); foreign keys and secondary indexes of the two big
// tables are dropped for the load and re-created — with their exact definitions — before commit.
import { createHash } from "node:crypto";
import type pg from "pg";
import type { Database } from "./client";

export type BenchShape = {
  users: number;
  artifacts: number;
  bigHistoryVersions: number;
  /** Descendants of the fork origin (the origin itself not included). */
  treeNodes: number;
  /** Length of the straight fork chain under the origin: its tip is a fork at this depth. */
  chainDepth: number;
};

export function benchShape(scale = 1): BenchShape {
  const treeNodes = Math.max(20, Math.round(20_000 * scale));
  return {
    users: Math.max(50, Math.round(20_000 * scale)),
    artifacts: Math.max(treeNodes + 200, Math.round(200_000 * scale)),
    bigHistoryVersions: Math.max(30, Math.round(10_000 * scale)),
    treeNodes,
    chainDepth: Math.min(treeNodes, Math.max(5, Math.round(500 * scale))),
  };
}

/** Same derivation as the SQL `uid()` below: md5 of the name with the uuid version/variant nibbles set. */
export function benchUuid(name: string): string {
  const h = createHash("md5").update(name).digest("hex");
  const s = `${h.slice(0, 12)}4${h.slice(13, 16)}8${h.slice(17)}`;
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
export const benchArtifactId = (n: number) => benchUuid(`bench-artifact:${n}`);
export const benchUserId = (n: number) => benchUuid(`bench-user:${n}`);
export const benchVersionId = (artifact: number, index: number) =>
  benchUuid(`bench-version:${artifact}:${index}`);

/** Where the well-known benchmark objects are (artifact 1 = big history, 2 = fork origin, 3.. = its tree). */
export function benchLandmarks(scale = 1) {
  const shape = benchShape(scale);
  return {
    shape,
    /** Owns ~4% of all artifacts (owners follow a power law): the heavy profile page. */
    heavyUserId: benchUserId(1),
    heavyUserHandle: "bench_1",
    bigHistoryArtifactId: benchArtifactId(1),
    forkOriginId: benchArtifactId(2),
    /** The tip of the straight chain: `shape.chainDepth` forks below the origin. */
    deepestForkId: benchArtifactId(2 + shape.chainDepth),
    /** A small ordinary public artifact, for "1-version history" style comparisons. */
    plainArtifactId: benchArtifactId(3 + shape.treeNodes + 1),
  };
}

/** The full-size landmarks, for `npm run bench:*` scripts. */
export const BENCH = benchLandmarks(1);

// --- SQL building blocks ---------------------------------------------------------------------------
const uid = (name: string) =>
  `overlay(overlay(md5(${name}) placing '4' from 13 for 1) placing '8' from 17 for 1)::uuid`;
/** A non-negative pseudo-random bigint from a number and a salt. */
const h = (expr: string, salt: number) =>
  `(hashint8extended((${expr})::bigint, ${salt}) & 9223372036854775807)`;
const ADJECTIVES = [
  "Tiny",
  "Neon",
  "Calm",
  "Pixel",
  "Retro",
  "Minimal",
  "Cozy",
  "Wobbly",
  "Glass",
  "Paper",
  "Midnight",
  "Sunny",
  "Quiet",
  "Bouncy",
  "Fractal",
  "Velvet",
];
const NOUNS = [
  "Timer",
  "Chart",
  "Garden",
  "Synth",
  "Snake",
  "Gradient",
  "Clock",
  "Todo list",
  "Landing page",
  "Maze",
  "Particles",
  "Calendar",
  "Weather card",
  "Piano",
  "Kanban",
  "Sketch",
];
const arr = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(",")}]`;
const titleOf = (idx: string) =>
  `(${arr(ADJECTIVES)})[1 + ${h(idx, 5)} % ${ADJECTIVES.length}] || ' ' || (${arr(NOUNS)})[1 + ${h(idx, 6)} % ${NOUNS.length}]`;
const LANGS = ["html", "jsx", "svg", "markdown", "javascript"];
const langOf = (idx: string) => `(${arr(LANGS)})[1 + ${h(idx, 4)} % ${LANGS.length}]`;

/** Small, language-appropriate code for content key (ci, ck). */
const smallCode = (lang: string, ci: string, ck: string) => `case ${lang}
  when 'html' then format(E'<!doctype html>\\n<title>Item list %s</title>\\n<ul id="list"></ul>\\n<script>\\n  const items = Array.from({ length: %s }, (_, i) => "Item " + (i + %s));\\n  document.getElementById("list").innerHTML = items.map((t) => "<li>" + t + "</li>").join("");\\n</script>\\n', ${ci}, ${ck} + 3, ${ci})
  when 'jsx' then format(E'import { useState } from "react";\\n\\nexport default function Counter%s() {\\n  const [n, setN] = useState(%s);\\n  return <button onClick={() => setN(n + 1)}>Clicked {n} times</button>;\\n}\\n', ${ci}, ${ck})
  when 'svg' then format(E'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">\\n  <circle cx="50" cy="50" r="%s" fill="hsl(%s 70%% 55%%)" />\\n</svg>\\n', 10 + ${ck} * 4, ${ci} % 360)
  when 'markdown' then format(E'# Notes %s\\n\\nRevision %s.\\n\\n- first point\\n- second point\\n', ${ci}, ${ck})
  else format(E'const canvas = document.createElement("canvas");\\ndocument.body.append(canvas);\\nconst ctx = canvas.getContext("2d");\\nctx.fillStyle = "hsl(%s 70%% 50%%)";\\nctx.fillRect(10, 10, %s, 40);\\n', ${ci} % 360, ${ck} * 10)
end`;

/** 50–500 lines of ~50 bytes: 2.5–25 KB, a few lines different from one version to the next. */
const bigCode = (k: string) => `'export const table = {' || E'\\n' || (
  select string_agg(format('  row_%s: compute("cell-%s", %s, { weight: %s }),', j, j, case when j % 97 = ${k} % 97 then ${k} else j end, j % 7), E'\\n')
  from generate_series(1, 50 + (${k} * 37) % 451) j) || E'\\n};\\n'`;

const label = (k: string) => `case when ${k} % 4 = 0 then 'v1.' || (${k} / 4) end`;

type Client = Pick<pg.PoolClient, "query">;

async function dropLoadObjects(c: Client) {
  // Foreign keys on the versions table and the two from artifacts into it, plus plain secondary
  // indexes of both tables: captured with their exact definitions so they come back identical.
  const fks = await c.query<{ tbl: string; name: string; def: string }>(`
    select conrelid::regclass::text tbl, conname name, pg_get_constraintdef(oid) def from pg_constraint
    where contype = 'f' and (conrelid = 'artifact_versions'::regclass
      or (conrelid = 'artifacts'::regclass and confrelid = 'artifact_versions'::regclass))`);
  const idx = await c.query<{ name: string; def: string }>(`
    select i.indexrelid::regclass::text name, pg_get_indexdef(i.indexrelid) def from pg_index i
    where i.indrelid in ('artifacts'::regclass, 'artifact_versions'::regclass) and not i.indisunique and not i.indisprimary`);
  for (const f of fks.rows) await c.query(`alter table ${f.tbl} drop constraint ${f.name}`);
  for (const i of idx.rows) await c.query(`drop index ${i.name}`);
  return async () => {
    for (const i of idx.rows) await c.query(i.def);
    for (const f of fks.rows)
      await c.query(`alter table ${f.tbl} add constraint ${f.name} ${f.def}`);
  };
}

export type BenchSeedResult = { created: boolean; seconds: number; counts: Record<string, number> };

/**
 * Generates the benchmark dataset unless it is already there (artifact 1 exists). Safe to run
 * beside the demo content. `scale` shrinks everything for tests (0.01 ≈ 2k artifacts).
 */
export async function seedBench(
  db: Database,
  opts: { log: (line: string) => void; scale?: number },
): Promise<BenchSeedResult> {
  const { log } = opts;
  const scale = opts.scale ?? 1;
  const s = benchShape(scale);
  const marks = benchLandmarks(scale);
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  // createDatabase() always wraps a pg.Pool; the load needs one session of it for temp tables and
  // a single transaction.
  const pool = (db as unknown as { $client: pg.Pool }).$client;
  const c = await pool.connect();
  const counts = async () => {
    const { rows } = await c.query<Record<string, number>>(`select
      (select count(*)::int from users) users, (select count(*)::int from artifacts) artifacts,
      (select count(*)::int from artifact_versions) versions`);
    return rows[0]!;
  };
  try {
    const exists = await c.query("select 1 from artifacts where id = $1", [
      marks.bigHistoryArtifactId,
    ]);
    if (exists.rowCount) {
      log("The benchmark dataset is already there; nothing to do.");
      return { created: false, seconds: 0, counts: await counts() };
    }
    log(
      `Generating the benchmark dataset: ${s.users} users, ${s.artifacts} artifacts, a ${s.bigHistoryVersions}-version history, a ${s.treeNodes}-node fork tree ${s.chainDepth} deep…`,
    );
    await c.query("begin");
    await c.query("set local statement_timeout = 0");
    await c.query("set local synchronous_commit = off");
    await c.query("set local work_mem = '64MB'");
    await c.query("set local maintenance_work_mem = '256MB'");
    const restore = await dropLoadObjects(c);

    const A = s.artifacts,
      T = s.treeNodes,
      D = s.chainDepth,
      U = s.users;
    const plainStart = 3 + T;
    // A fork's version 1 copies its source's code, so a source must never be a fork's version 1
    // itself (its content would be its own parent's): tree nodes get 2–3 versions, and ordinary
    // forks only fork artifacts that are not forks.
    // Artifact i is created at t0 + i·gap (gap = 690 days / artifacts), its version k at + (k−1)·30 s (the big history: hours),
    // so every fork is newer than the version it forks.
    // Everything ends ~130 days ago, so in a database that also holds the demo content (≤ 120 days
    // old) the demo still comes first on "newest".
    const t0 = `(date_trunc('minute', now()) - interval '820 days')`;
    const at = (i: string) =>
      `${t0} + (${i})::bigint * interval '${Math.floor((690 * 86400) / A)} seconds'`;
    const owner = (i: string) =>
      `least(${U}, 1 + floor(${U} * power((${h(i, 1)} % 1000000) / 1000000.0, 3))::int)`;
    const bushyParent = (k: string) =>
      `case when ${h(k, 8)} % 4 = 0 or ${k} = ${D + 1} then (${h(k, 9)} % ${Math.floor(D / 2) + 1})
            else ${D + 1} + (${h(k, 9)} % (${k} - ${D + 1})) end`;

    await c.query(`create temp table bench_plan (
      idx int primary key, id uuid not null, owner int not null, nver int not null, parent int, origin int,
      private boolean not null, lang text not null, title text not null, created_at timestamptz not null) on commit drop`);
    await c.query(`insert into bench_plan
      select 1, ${uid("'bench-artifact:1'")}, 1, ${s.bigHistoryVersions}, null::int, null::int, false, 'javascript', 'Spreadsheet engine (long history)', ${at("1")}
      union all
      select 2, ${uid("'bench-artifact:2'")}, 1, 3, null, null, false, 'html', 'Particle playground', ${at("2")}
      union all
      select 2 + k, ${uid("'bench-artifact:' || (2 + k)")}, ${owner("2 + k")}, 2 + ${h("2 + k", 3)} % 2,
             2 + case when k <= ${D} then k - 1 else ${bushyParent("k")} end, 2,
             k > ${D} and ${h("2 + k", 2)} % 10 = 0, 'html', 'Particle playground (fork #' || k || ')', ${at("2 + k")}
      from generate_series(1, ${T}) k
      union all
      select i, ${uid("'bench-artifact:' || i")}, ${owner("i")}, 1 + ${h("i", 3)} % 9, parent, parent,
             ${h("i", 2)} % 10 = 0, ${langOf("coalesce(parent, i)")},
             case when parent is null then ${titleOf("i")} else ${titleOf("parent")} || ' (fork)' end, ${at("i")}
      from (select i, case when i % 20 = 0 and i - 19 >= ${plainStart} then i - 1 - (${h("i", 7)} % 19)::int end parent
            from generate_series(${plainStart}, ${A}) i) g`);
    log(`[${elapsed()}] planned ${A} artifacts`);

    await c.query(`insert into users (id, name, email, created_at)
      select ${uid("'bench-user:' || u")}, 'Bench User ' || u, 'bench-' || u || '@bench.vitrine.dev', ${t0} - interval '30 days'
      from generate_series(1, ${U}) u`);
    await c.query(`insert into profiles (user_id, handle, display_name, bio, city, country, created_at, updated_at)
      select ${uid("'bench-user:' || u")}, 'bench_' || u, 'Bench User ' || u, 'Generated for benchmarks.',
             (array['Lisbon','Osaka','Austin','Accra','Oslo'])[1 + u % 5], (array['Portugal','Japan','United States','Ghana','Norway'])[1 + u % 5],
             ${t0} - interval '30 days', ${t0} - interval '30 days'
      from generate_series(1, ${U}) u`);
    log(`[${elapsed()}] ${U} users with profiles`);

    const versionStep = (p: string) =>
      `case when ${p}.idx = 1 then interval '1 hour' else interval '30 seconds' end`;
    // The landmarks (1: the big history, 2: the fork origin) always show their history: the
    // benchmarks read it anonymously (versioning_enabled below).
    const BATCH = 40_000;
    for (let lo = 1; lo <= A; lo += BATCH) {
      const hi = Math.min(A, lo + BATCH - 1);
      await c.query(`insert into artifacts (id, owner_user_id, title, description, visibility, created_at, updated_at,
          forked_from_id, forked_from_owner_user_id, forked_from_version_id, forked_from_version_label,
          origin_artifact_id, origin_owner_user_id, likes_count, current_version_id, versioning_enabled, chat_history_public)
        select p.id, ${uid("'bench-user:' || p.owner")}, p.title, 'A generated artifact for benchmarks (#' || p.idx || ').',
          case when p.private then 'private' else 'public' end, p.created_at, p.created_at + (p.nver - 1) * ${versionStep("p")},
          pp.id, ${uid("'bench-user:' || pp.owner")}, ${uid("'bench-version:' || pp.idx || ':' || pp.nver")},
          coalesce(${label("pp.nver")}, 'v' || pp.nver), po.id, ${uid("'bench-user:' || po.owner")},
          case when p.private then 0 when p.idx <= 2 then 4321 / p.idx
               else floor(exp(power((${h("p.idx", 10)} % 10000) / 10000.0, 2) * ln(5000)))::int - 1 end,
          ${uid("'bench-version:' || p.idx || ':' || p.nver")}, p.idx <= 2 or ${h("p.idx", 11)} % 15 <> 0, ${h("p.idx", 12)} % 3 = 0
        from bench_plan p left join bench_plan pp on pp.idx = p.parent left join bench_plan po on po.idx = p.origin
        where p.idx between ${lo} and ${hi}`);
      // The source version of a fork's version 1 is the parent's newest version (ck = its count).
      await c.query(`insert into artifact_versions (id, artifact_id, version_index, code_blob_ref, created_at, summary, label,
          code_language, code_content, stats, version_metadata, code_references, parent_version_id)
        select ${uid("'bench-version:' || p.idx || ':' || k")}, p.id, k, 'sha256:' || x.sha,
          p.created_at + (k - 1) * interval '30 seconds',
          case when k > 1 then 'Edit ' || k when p.parent is not null then null else 'First version' end,
          ${label("k")}, p.lang, x.code,
          jsonb_build_object('lines', x.lines, 'bytes', x.bytes,
            'added', case when k = 1 and p.parent is null then x.lines when k = 1 then 0 else 1 end, 'removed', case when k = 1 then 0 else 1 end),
          jsonb_build_object('title', p.title, 'visibility', case when p.private then 'private' else 'public' end, 'source',
            case when k > 1 then jsonb_build_object('kind', 'edit')
                 when p.parent is not null then jsonb_build_object('kind', 'fork', 'artifact_id', pp.id, 'version_id', ${uid("'bench-version:' || pp.idx || ':' || pp.nver")})
                 else jsonb_build_object('kind', 'publish') end),
          jsonb_build_array(jsonb_build_object('ref', 'sha256:' || x.sha, 'sha256', x.sha, 'bytes', x.bytes)),
          case when k > 1 then ${uid("'bench-version:' || p.idx || ':' || (k - 1)")}
               when p.parent is not null then ${uid("'bench-version:' || pp.idx || ':' || pp.nver")} end
        from bench_plan p
        cross join lateral generate_series(1, p.nver) k
        left join bench_plan pp on pp.idx = p.parent
        cross join lateral (select ${smallCode("p.lang", "case when k = 1 and p.parent is not null then p.parent else p.idx end", "case when k = 1 and p.parent is not null then pp.nver else k end")} as code) y
        cross join lateral (select y.code, encode(sha256(convert_to(y.code, 'UTF8')), 'hex') sha, octet_length(y.code) bytes,
                                   length(y.code) - length(replace(y.code, E'\\n', '')) lines) x
        where p.idx between ${Math.max(lo, 2)} and ${hi}`);
      log(`[${elapsed()}] artifacts ${lo}–${hi} with their versions`);
    }

    const BIG_BATCH = 2_000;
    for (let lo = 1; lo <= s.bigHistoryVersions; lo += BIG_BATCH) {
      const hi = Math.min(s.bigHistoryVersions, lo + BIG_BATCH - 1);
      await c.query(`insert into artifact_versions (id, artifact_id, version_index, code_blob_ref, created_at, summary, label,
          code_language, code_content, stats, version_metadata, code_references, parent_version_id)
        select ${uid("'bench-version:1:' || k")}, p.id, k, 'sha256:' || x.sha, p.created_at + (k - 1) * interval '1 hour',
          case when k = 1 then 'First version' else 'Tweak row ' || (k % 97) end, ${label("k")}, 'javascript', x.code,
          jsonb_build_object('lines', x.lines, 'bytes', x.bytes, 'added', case when k = 1 then x.lines else 2 end, 'removed', case when k = 1 then 0 else 2 end),
          jsonb_build_object('title', p.title, 'visibility', 'public', 'source', jsonb_build_object('kind', case when k = 1 then 'publish' else 'edit' end)),
          jsonb_build_array(jsonb_build_object('ref', 'sha256:' || x.sha, 'sha256', x.sha, 'bytes', x.bytes)),
          case when k > 1 then ${uid("'bench-version:1:' || (k - 1)")} end
        from bench_plan p cross join generate_series(${lo}, ${hi}) k
        cross join lateral (select ${bigCode("k")} as code) y
        cross join lateral (select y.code, encode(sha256(convert_to(y.code, 'UTF8')), 'hex') sha, octet_length(y.code) bytes,
                                   length(y.code) - length(replace(y.code, E'\\n', '')) lines) x
        where p.idx = 1`);
      log(`[${elapsed()}] big history: versions ${lo}–${hi}`);
    }

    await c.query(`update artifacts a set forks_count = f.n
      from (select forked_from_id, count(*)::int n from artifacts where forked_from_id is not null group by 1) f
      where a.id = f.forked_from_id`);
    // Artifacts went in before their versions, so the trigger of 019 could not read the language.
    await c.query(`update artifacts a set current_language = v.code_language
      from artifact_versions v where v.id = a.current_version_id and a.current_language is distinct from v.code_language`);
    log(
      `[${elapsed()}] forks_count and current_language set; re-creating indexes and foreign keys…`,
    );
    await restore();
    await c.query("commit");
    log(`[${elapsed()}] committed; analysing…`);
    await c.query("analyze users, profiles, artifacts, artifact_versions");
    const result = await counts();
    log(
      `[${elapsed()}] done: ${result.users} users, ${result.artifacts} artifacts, ${result.versions} versions.`,
    );
    log(`  heavy user:            @${marks.heavyUserHandle} (${marks.heavyUserId})`);
    log(`  10k-version artifact:  ${marks.bigHistoryArtifactId}`);
    log(`  fork origin:           ${marks.forkOriginId}`);
    log(`  depth-${s.chainDepth} fork:        ${marks.deepestForkId}`);
    log(`  (also exported as BENCH / benchLandmarks() from db/seed-bench.ts)`);
    return { created: true, seconds: (Date.now() - started) / 1000, counts: result };
  } catch (err) {
    await c.query("rollback").catch(() => {});
    throw err;
  } finally {
    c.release();
  }
}
