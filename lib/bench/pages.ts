// `npm run bench:pages` — issue 13 item 6: how the public pages serve under load, beside a
// prerendered file of the same server. A production build (`next start`, lib/bench/app-server.ts)
// with its own embedded PostgreSQL and the demo content; autocannon, anonymous, 32 connections;
// interleaved rounds (each round runs every target for --duration seconds, the order rotating each
// round); medians of req/s, p50 and p99, the non-2xx count, req/s relative to the file, and the
// `x-vitrine-cache` header of every response (hit/miss/bypass, "none" when the server sends none).
// Then "write then read": a demo user likes (and unlikes) the artifact through the API with a token
// made by `npm run vitrine -- token create`, and the anonymous artifact page is read right after the
// write commits, until it shows the new count (target: the very next request).
//   npm run bench:pages -- [--rounds 5] [--duration 5] [--connections 32] [--trials 5]
//   BENCH_SKIP_BUILD=1   reuse the build in .next even if the source changed since
import { spawn } from "node:child_process";
import type { EventEmitter } from "node:events";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createDatabase } from "@/db/client";
import { demoArtifactId } from "@/db/seed";
import { projectRoot } from "@/lib/paths";
import { runWithBenchApp, type BenchApp } from "./app-server";
import {
  formatFreshness,
  formatSamples,
  formatSummary,
  likeCountFromHtml,
  parsePagesArgs,
  roundOrder,
  summarise,
  type FreshnessTrial,
  type PagesOptions,
  type Sample,
} from "./pages-report";

const FILE = "file /icon.svg";
const OWNER = "tomasz"; // owner of the demo "snake": versions and forks
const LIKER = "mira";
const MAX_READS = 10;
const CACHE_HEADER = "x-vitrine-cache";

type Target = { name: string; path: string };

const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");

async function targets(app: BenchApp): Promise<Target[]> {
  const id = demoArtifactId("snake");
  const { pool } = createDatabase(app.databaseUrl);
  const { rows } = await pool
    .query<{ last: number }>(
      "select max(version_index)::int as last from artifact_versions where artifact_id = $1",
      [id],
    )
    .finally(() => pool.end());
  const last = rows[0]?.last ?? 1;
  if (last < 2)
    throw new Error("the demo artifact has fewer than two versions: no diff to measure");
  return [
    { name: FILE, path: "/icon.svg" },
    { name: "explore /", path: "/" },
    { name: "profile /u/<handle>", path: `/u/${OWNER}` },
    { name: "artifact /a/<id>", path: `/a/${id}` },
    { name: "versions", path: `/a/${id}/versions` },
    { name: `diff v1→v${last}`, path: `/a/${id}/diff?from=1&to=${last}` },
    { name: "forks", path: `/a/${id}/forks` },
  ];
}

function cannon(
  url: string,
  seconds: number,
  connections: number,
): Promise<Omit<Sample, "round" | "target">> {
  const cache: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        // Count the cache header of every response. autocannon's typings say a header object, but
        // the client emits http-parser-js's parse result: { headers: [name, value, name, …] }.
        setupClient: (client) => {
          (client as unknown as EventEmitter).on("headers", (opts: { headers?: string[] }) => {
            const h = opts.headers ?? [];
            let value = "none";
            for (let i = 0; i < h.length; i += 2)
              if (h[i]!.toLowerCase() === CACHE_HEADER) value = h[i + 1]!;
            cache[value] = (cache[value] ?? 0) + 1;
          });
        },
      },
      (err, result) => {
        if (err) return reject(err);
        const responses = result.requests.total;
        resolve({
          reqPerSec: result.requests.average,
          responses,
          p50: responses ? result.latency.p50 : NaN,
          p99: responses ? result.latency.p99 : NaN,
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
          cache,
        });
      },
    );
  });
}

/**
 * Waits until the server answers a cheap request quickly again. When a run ends, autocannon drops
 * its open requests but the server still renders them: without this, that backlog would be billed
 * to the next target of the round.
 */
async function drain(app: BenchApp) {
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    const started = performance.now();
    const res = await fetch(`${app.appUrl}/api/health`).catch(() => null);
    await res?.arrayBuffer();
    if (res?.ok && performance.now() - started < 250) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  console.error("· the server was still busy 120 s after a run; going on");
}

async function checkTargets(app: BenchApp, list: Target[]) {
  for (const t of list) {
    const res = await fetch(app.appUrl + t.path);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${t.path} answered ${res.status}, not 200`);
  }
}

/** A write token for a demo user, made by the operator command on the bench's database. */
function createToken(app: BenchApp, handle: string): Promise<string> {
  const root = projectRoot();
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=react-server",
      path.join(root, "scripts", "vitrine.ts"),
      "token",
      "create",
      "--handle",
      handle,
      "--scope",
      "write",
      "--name",
      "bench-pages",
    ],
    { cwd: root, env: { ...process.env, ...app.env }, stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) =>
      code === 0 && out.trim()
        ? resolve(out.trim())
        : reject(new Error(`token create exited with ${code}`)),
    ),
  );
}

async function readPage(url: string): Promise<{ count: number | null; cache: string }> {
  const res = await fetch(url);
  const html = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return { count: likeCountFromHtml(html), cache: res.headers.get(CACHE_HEADER) ?? "none" };
}

async function writeThenRead(app: BenchApp, trials: number): Promise<FreshnessTrial[]> {
  const id = demoArtifactId("snake");
  const token = await createToken(app, LIKER);
  const pageUrl = `${app.appUrl}/a/${id}`;
  const write = async (like: boolean) => {
    const res = await fetch(`${app.appUrl}/api/v1/artifacts/${id}/like`, {
      method: like ? "PUT" : "DELETE",
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { likesCount?: number };
    if (res.status !== 200 || typeof body.likesCount !== "number")
      throw new Error(`the like API answered ${res.status}: ${JSON.stringify(body)}`);
    return body.likesCount;
  };
  await write(false); // start from "not liked", whatever the demo data says
  const out: FreshnessTrial[] = [];
  for (let i = 0; i < trials * 2; i++) {
    const like = i % 2 === 0;
    // Two reads first, so a cache holds the page as it was before the write.
    await readPage(pageUrl);
    await readPage(pageUrl);
    const expected = await write(like);
    const trial: FreshnessTrial = {
      write: like ? "like" : "unlike",
      expected,
      seen: [],
      cache: [],
    };
    for (let r = 0; r < MAX_READS; r++) {
      const { count, cache } = await readPage(pageUrl);
      trial.seen.push(count ?? -1);
      trial.cache.push(cache);
      if (count === expected) break;
    }
    out.push(trial);
  }
  return out;
}

async function run(app: BenchApp, opts: PagesOptions) {
  const list = await targets(app);
  await checkTargets(app, list);
  console.log(`\nload average before warm-up: ${load()}`);
  for (const t of list) {
    await cannon(app.appUrl + t.path, 1, opts.connections); // JIT, pools
    await drain(app);
  }
  const samples: Sample[] = [];
  for (let round = 0; round < opts.rounds; round++) {
    for (const t of roundOrder(list, round)) {
      const m = await cannon(app.appUrl + t.path, opts.duration, opts.connections);
      samples.push({ round: round + 1, target: t.name, ...m });
      await drain(app);
    }
    console.error(`· round ${round + 1}/${opts.rounds} done (load ${load()})`);
  }
  console.log(
    `\nraw rounds (${opts.connections} connections, ${opts.duration} s per target per round)`,
  );
  for (const line of formatSamples(samples)) console.log(line);
  console.log(`\nmedians of ${opts.rounds} rounds`);
  const summary = summarise(samples, FILE);
  const goals = {
    ratioTargets: ["explore /", "profile /u/<handle>", "artifact /a/<id>"],
    minRatio: 0.5,
    maxP99: 200,
  };
  for (const line of formatSummary(summary, goals)) console.log(line);
  console.log("targets: ≥ 0.5× the file for explore, profile and artifact; p99 < 200 ms");

  console.log(`\nwrite then read: ${LIKER} likes / unlikes the artifact through /api/v1, then the`);
  console.log(
    `anonymous artifact page is read until it shows the new count (at most ${MAX_READS} reads)`,
  );
  for (const line of formatFreshness(await writeThenRead(app, opts.trials))) console.log(line);
  console.log(`\nload average after: ${load()}`);
}

void runWithBenchApp(
  () => parsePagesArgs(process.argv.slice(2)),
  { extraEnv: { THUMBNAILS: "off" } },
  run,
);
