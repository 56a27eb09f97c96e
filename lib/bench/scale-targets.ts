// bench:scale's targets: what each case reads on the benchmark dataset and on the demo data.
//
// Two kinds of bench targets. The landmarks ("as served") are the heaviest things of the dataset:
// the user with 7k artifacts, the 10k-version history, the 20k-node fork tree, a search with 628
// matches, a sitemap chunk of ~650 URLs. Their pages show more rows than anything of the demo can
// (24 cards against the demo's 6, 200 versions in the diff picker against 15), so their time is
// compared per row as well. The "same rows" targets show as many rows as the demo's page: there
// the only difference left is the size of the tables, which is what "bounded at any scale" means.
import type pg from "pg";
import { BENCH } from "@/db/seed-bench";

export type Targets = {
  handle: string;
  artifact: string;
  history: string;
  forkRoot: string;
  search: string;
  language: string;
  /** A sitemap chunk's uuid prefix (listSitemapChunks' own for "as served"). */
  chunk: string | null;
  fewSearch: string;
  fewHandle: string;
  fewHistory: string;
  fewChunk: string;
  fewForkRoot: string;
};

const PUBLIC = "visibility = 'public' and hidden_at is null";

async function one(pool: pg.Pool, q: string, values: unknown[] = []): Promise<string | null> {
  const { rows } = await pool.query<{ v: string }>(q, values);
  return rows[0]?.v ?? null;
}

async function must(pool: pg.Pool, q: string, values: unknown[] = []): Promise<string> {
  const v = await one(pool, q, values);
  if (v === null) throw new Error(`nothing for ${q} ${JSON.stringify(values)}`);
  return v;
}

/** The demo's counterparts of the landmarks: its busiest profile, history and tree. */
export async function demoTargets(pool: pg.Pool): Promise<Targets> {
  const handle = await must(
    pool,
    "select handle v from profiles order by public_artifacts_count desc, handle limit 1",
  );
  const history = await must(
    pool,
    `select a.id::text v from artifacts a where ${PUBLIC} and versioning_enabled
      order by (select count(*) from artifact_versions v where v.artifact_id = a.id) desc, a.id limit 1`,
  );
  // The first word of the most liked public title: a search with results.
  const search = await must(
    pool,
    `select split_part(title, ' ', 1) v from artifacts where ${PUBLIC} order by likes_count desc, id limit 1`,
  );
  const forkRoot = await must(
    pool,
    `select id::text v from artifacts where ${PUBLIC} order by public_lineage_count desc, id limit 1`,
  );
  return {
    handle,
    artifact: await must(
      pool,
      `select id::text v from artifacts where ${PUBLIC} and forked_from_id is not null order by created_at limit 1`,
    ),
    history,
    forkRoot,
    search,
    language: "html",
    chunk: null,
    fewSearch: search,
    fewHandle: handle,
    fewHistory: history,
    // The demo's one-digit chunk "0" (its table is small enough for 16 chunks).
    fewChunk: "0",
    fewForkRoot: forkRoot,
  };
}

/**
 * The benchmark's landmarks, and "same rows" targets matched to the demo's: a profile with as many
 * public artifacts, a history with as many versions (or the longest ordinary one, 9), a sitemap
 * prefix holding as many public artifacts as the demo's chunk, a root with as many public forks.
 */
export async function benchTargets(bench: pg.Pool, demo: pg.Pool, d: Targets): Promise<Targets> {
  const count = async (q: string, values: unknown[]) => Number(await must(demo, q, values));
  const demoCards = await count(
    "select public_artifacts_count::text v from profiles where handle = $1",
    [d.handle],
  );
  const demoVersions = await count(
    "select count(*)::text v from artifact_versions where artifact_id = $1",
    [d.history],
  );
  const demoChunkRows = await count(
    `select count(*)::text v from artifacts where ${PUBLIC} and id::text like $1 || '%'`,
    [d.fewChunk],
  );
  const demoForks = await count("select public_forks_count::text v from artifacts where id = $1", [
    d.forkRoot,
  ]);
  let fewHistory: string | null = null;
  for (let n = demoVersions; n >= 1 && !fewHistory; n--) {
    fewHistory = await one(
      bench,
      `select v.artifact_id::text v from artifact_versions v join artifacts a on a.id = v.artifact_id
        where v.version_index = $1 and a.visibility = 'public' and a.hidden_at is null and a.versioning_enabled
          and not exists (select 1 from artifact_versions w where w.artifact_id = v.artifact_id and w.version_index = $1 + 1)
        order by v.artifact_id limit 1`,
      [n],
    );
  }
  return {
    handle: BENCH.heavyUserHandle,
    artifact: BENCH.deepestForkId,
    history: BENCH.bigHistoryArtifactId,
    forkRoot: BENCH.forkOriginId,
    // Titles are "<adjective> <noun>": 628 public artifacts match both words.
    search: "Neon Clock",
    language: "html",
    chunk: null,
    // Descriptions end in "(#<n>)": "(#19999" is #19999 and #199990–#199999, 9 of them public.
    fewSearch: "(#19999",
    fewHandle: await must(
      bench,
      "select handle v from profiles where public_artifacts_count = $1 order by handle limit 1",
      [demoCards],
    ),
    fewHistory: fewHistory ?? BENCH.bigHistoryArtifactId,
    fewChunk: await must(
      bench,
      `select substr(id::text, 1, 4) v from artifacts where ${PUBLIC}
        group by 1 having count(*) = $1 order by 1 limit 1`,
      [demoChunkRows],
    ),
    // A root with as many public forks as the demo's most forked lineage's origin.
    fewForkRoot: await must(
      bench,
      `select id::text v from artifacts where ${PUBLIC} and forked_from_id is null
        and public_forks_count = $1 order by id limit 1`,
      [demoForks],
    ),
  };
}
