// `npm run bench:lighthouse` — issue 13 item 5: Lighthouse 12 in Debian's Chromium (headless, via
// chrome-launcher) on home, a profile, an artifact page and a diff page, mobile and desktop presets,
// against a production build with its own embedded PostgreSQL and the demo content
// (lib/bench/app-server.ts). Prints the four category scores per page and form factor against the
// targets (performance ≥ 95, accessibility 100, best practices ≥ 95, SEO 100), then every failing
// audit with its title and the elements it names. Performance is measured with Lighthouse's
// simulated throttling on whatever CPU is free: the load average is printed beside the scores.
//   npm run bench:lighthouse -- [--pages home,profile,artifact,diff] [--form-factors mobile,desktop]
//                               [--save-json <folder>]   (trimmed LHRs, e.g. for a test fixture)
//                               [--save-trace <folder>]  (full LHRs and traces, for the LCP breakdown)
//                               [--runs <n>]             (n runs per page and form factor, one row each)
//                               [--cold]                 (audit the uncached first render, see warmUp)
//   BENCH_SKIP_BUILD=1   reuse the build in .next even if the source changed since
//   CHROMIUM_PATH        the browser (default /usr/bin/chromium)
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { createDatabase } from "@/db/client";
import { demoArtifactId } from "@/db/seed";
import { runWithBenchApp, type BenchApp } from "./app-server";
import {
  formatFailing,
  formatScores,
  parseLighthouseArgs,
  summariseLhr,
  trimLhr,
  type Lhr,
  type LighthouseOptions,
  type PageName,
  type PageSummary,
} from "./lighthouse-report";

const OWNER = "tomasz"; // owner of the demo "snake": versions and forks
const chromePath = () => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");

async function pagePaths(app: BenchApp): Promise<Record<PageName, string>> {
  const id = demoArtifactId("snake");
  const { pool } = createDatabase(app.databaseUrl);
  const { rows } = await pool
    .query<{ last: number }>(
      "select max(version_index)::int as last from artifact_versions where artifact_id = $1",
      [id],
    )
    .finally(() => pool.end());
  return {
    home: "/",
    profile: `/u/${OWNER}`,
    artifact: `/a/${id}`,
    diff: `/a/${id}/diff?from=1&to=${rows[0]?.last ?? 2}`,
  };
}

/**
 * Cards show rendered thumbnails once the worker has made them (the demo's first start enqueues them
 * all): audit what visitors see, not placeholders, and not while Chromium renders thumbnails beside
 * Lighthouse. Waits until no new thumbnail appeared for 20 s (at most 5 minutes).
 */
async function waitForThumbnails(app: BenchApp) {
  const { pool } = createDatabase(app.databaseUrl);
  try {
    const count = async () =>
      (
        await pool.query<{ done: number; total: number }>(
          `select (select count(*) from artifact_media where thumb_url is not null)::int as done,
                  (select count(*) from artifacts)::int as total`,
        )
      ).rows[0]!;
    let last = -1;
    let stableSince = Date.now();
    for (const deadline = Date.now() + 300_000; Date.now() < deadline;) {
      const { done, total } = await count();
      if (done !== last) [last, stableSince] = [done, Date.now()];
      if (done >= total || (done > 0 && Date.now() - stableSince > 20_000)) break;
      await new Promise((r) => setTimeout(r, 2_000));
    }
    const { done, total } = await count();
    console.error(`· thumbnails rendered: ${done} of ${total} artifacts`);
  } finally {
    await pool.end();
  }
}

/**
 * One Lighthouse run, and one more when it failed to record the page load (e.g. NO_NAVSTART, which
 * a busy machine causes now and then): the second result is kept either way, its warning printed.
 */
async function run(
  url: string,
  port: number,
  desktop: boolean,
  saveTrace: string | null,
): Promise<Lhr> {
  let lhr: Lhr | undefined;
  for (let attempt = 1; attempt <= 2 && (!lhr || lhr.runtimeError); attempt++) {
    if (lhr?.runtimeError) console.error(`· ${lhr.runtimeError.code}: running it again`);
    const result = await lighthouse(
      url,
      { port, output: "json", logLevel: "error" },
      desktop ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (saveTrace) {
      writeFileSync(`${saveTrace}.lhr.json`, JSON.stringify(result.lhr));
      writeFileSync(`${saveTrace}.trace.json`, JSON.stringify(result.artifacts.Trace));
    }
    lhr = trimLhr(result.lhr as unknown as Lhr);
  }
  return lhr!;
}

/**
 * One anonymous request per page before the audits, so Lighthouse measures what visitors get: the
 * page from lib/page-cache. Otherwise the first run of each page (all of them in a one-run
 * benchmark) also measured the uncached render, which bench:pages measures on its own: the diff's
 * server took ~0.5–0.9 s on this machine, and that run scored 94 where the next two scored 100.
 */
async function warmUp(app: BenchApp, paths: Record<PageName, string>, pages: PageName[]) {
  for (const page of pages) {
    const res = await fetch(app.appUrl + paths[page]);
    await res.arrayBuffer();
    console.error(`· warmed ${paths[page]}: ${res.status}, ${res.headers.get("x-vitrine-cache")}`);
  }
}

async function audit(app: BenchApp, opts: LighthouseOptions): Promise<PageSummary[]> {
  const paths = await pagePaths(app);
  if (!opts.cold) await warmUp(app, paths, opts.pages);
  if (!existsSync(chromePath()))
    throw new Error(`no Chromium at ${chromePath()} (set CHROMIUM_PATH)`);
  const chrome = await chromeLauncher.launch({
    chromePath: chromePath(),
    chromeFlags: [
      "--headless=new",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      ...(os.userInfo().uid === 0 ? ["--no-sandbox"] : []),
    ],
  });
  const summaries: PageSummary[] = [];
  try {
    for (const page of opts.pages) {
      for (const formFactor of opts.formFactors) {
        for (let n = 1; n <= opts.runs; n++) {
          const url = app.appUrl + paths[page];
          const name = opts.runs > 1 ? `${page}#${n}` : page;
          const startLoad = os.loadavg()[0]!;
          console.error(`· lighthouse ${name} (${formFactor}), load ${load()}`);
          if (opts.saveTrace) mkdirSync(opts.saveTrace, { recursive: true });
          const lhr = await run(
            url,
            chrome.port,
            formFactor === "desktop",
            opts.saveTrace && path.join(opts.saveTrace, `${name.replace("#", "-")}-${formFactor}`),
          );
          if (opts.saveJson) {
            mkdirSync(opts.saveJson, { recursive: true });
            writeFileSync(
              path.join(opts.saveJson, `lighthouse-${name.replace("#", "-")}-${formFactor}.json`),
              JSON.stringify(lhr, null, 1),
            );
          }
          summaries.push(summariseLhr(lhr, name, startLoad));
        }
      }
    }
  } finally {
    chrome.kill();
  }
  return summaries;
}

/** Waits for the thumbnails, audits every page and prints the scores and the failing audits. */
async function auditAndReport(app: BenchApp, opts: LighthouseOptions) {
  await waitForThumbnails(app);
  const before = load();
  const summaries = await audit(app, opts);
  console.log(
    `\nLighthouse 12.8.2, ${chromePath()}; load average before ${before}, after ${load()}`,
  );
  console.log(
    "cpu-index: Lighthouse's CPU benchmark during the run (higher = more CPU free); load: 1-minute load average at its start",
  );
  for (const line of formatScores(summaries)) console.log(line);
  console.log("targets: performance ≥ 95, accessibility 100, best practices ≥ 95, SEO 100\n");
  console.log("failing audits");
  for (const s of summaries) for (const line of formatFailing(s)) console.log(line);
}

void runWithBenchApp(() => parseLighthouseArgs(process.argv.slice(2)), {}, auditAndReport, {
  showStack: true,
});
