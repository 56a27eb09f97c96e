// `npm run bench:preview` — time to first paint of the live preview, a plain HTML artifact beside a
// Tailwind + recharts + lucide React artifact (data/fixtures/preview-corpus/claude-sales-dashboard.tsx),
// in a production build (`next start`) with Debian's Chromium. Ten interleaved pairs (the order
// alternates), each in a fresh browser context (cold HTTP cache: a first visit); medians, their
// ratio (target ≤ 2×) and the bytes each preview ships. Every raw row is printed.
//   BENCH_SKIP_BUILD=1   reuse the existing .next build
// Measured from the artifact page's navigation start to:
//   fcp      the frame's first contentful paint (frame timeOrigin + paint entry − page timeOrigin)
//   visible  the artifact's own content visible in the frame (h1 / the recharts line), after a frame
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright";
import { createDatabase } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { exitCode, waitForHealth } from "@/lib/bench/app-server";
import { getFreePort } from "@/lib/ports";
import { projectRoot } from "@/lib/paths";
import { buildPreviewRuntime, previewRuntimeBuilt } from "@/scripts/run-preview-runtime-build";

const RUNS = 10;
const root = projectRoot();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

const PLAIN = `<!doctype html><html><head><meta charset="utf-8"><title>Notes</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:640px;margin:40px auto;color:#1f2937}h1{font-size:28px}</style></head>
<body><h1>Reading list</h1><ul><li>The Pragmatic Programmer</li><li>Designing Data-Intensive Applications</li><li>Refactoring</li></ul>
<p>Plain HTML with its own stylesheet: no libraries, no Tailwind.</p></body></html>`;

const CASES = [
  { name: "plain-html", language: "html", code: PLAIN, selector: "h1" },
  {
    name: "tailwind-recharts-lucide",
    language: "tsx",
    code: readFileSync(
      path.join(root, "data", "fixtures", "preview-corpus", "claude-sales-dashboard.tsx"),
      "utf8",
    ),
    selector: ".recharts-line-curve",
  },
] as const;

type Row = {
  run: number;
  name: string;
  fcp: number;
  visible: number;
  previewBytes: number;
  requests: number;
};

async function insertArtifact(
  dbUrl: string,
  ownerId: string,
  language: string,
  code: string,
): Promise<string> {
  const { pool } = createDatabase(dbUrl);
  try {
    const id = randomUUID();
    const versionId = randomUUID();
    const sha = createHash("sha256").update(code).digest("hex");
    const bytes = Buffer.byteLength(code);
    await pool.query(
      "insert into artifacts (id, owner_user_id, title, visibility) values ($1, $2, $3, 'public')",
      [id, ownerId, `Bench ${language}`],
    );
    await pool.query(
      `insert into artifact_versions (id, artifact_id, version_index, code_blob_ref, code_language, code_content, stats, code_references)
       values ($1, $2, 1, $3, $4, $5, $6, $7)`,
      [
        versionId,
        id,
        `sha256:${sha}`,
        language,
        code,
        JSON.stringify({ lines: 1, bytes, added: 0, removed: 0 }),
        JSON.stringify([{ ref: `sha256:${sha}`, sha256: sha, bytes }]),
      ],
    );
    await pool.query("update artifacts set current_version_id = $1 where id = $2", [versionId, id]);
    return id;
  } finally {
    await pool.end();
  }
}

async function measure(
  browser: Browser,
  appUrl: string,
  previewUrl: string,
  id: string,
  selector: string,
) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const previewRequests: import("playwright").Request[] = [];
  page.on("requestfinished", (r) => {
    if (r.url().startsWith(previewUrl)) previewRequests.push(r);
  });
  try {
    await page.goto(`${appUrl}/a/${id}`, { waitUntil: "commit" });
    const frame = await (
      await page.waitForSelector('iframe[title^="Preview of"]', { timeout: 30_000 })
    ).contentFrame();
    if (!frame) throw new Error("no preview frame");
    await frame.waitForSelector(selector, { state: "visible", timeout: 30_000 });
    const pageOrigin = await page.evaluate(() => performance.timeOrigin);
    const inFrame = await frame.evaluate(
      () =>
        new Promise<{ visibleAt: number; fcpAt: number }>((resolve) =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              const fcp = performance.getEntriesByName("first-contentful-paint")[0];
              resolve({
                visibleAt: performance.timeOrigin + performance.now(),
                fcpAt: fcp ? performance.timeOrigin + fcp.startTime : NaN,
              });
            }, 0),
          ),
        ),
    );
    await page.waitForLoadState("networkidle").catch(() => {});
    let previewBytes = 0;
    for (const r of previewRequests) previewBytes += (await r.sizes()).responseBodySize;
    return {
      fcp: inFrame.fcpAt - pageOrigin,
      visible: inFrame.visibleAt - pageOrigin,
      previewBytes,
      requests: previewRequests.length,
    };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "vitrine-bench-preview-"));
  chmodSync(dir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: dir, fast: true });
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let code = 1;
  try {
    await migrateDatabase(db.url);
    const { pool } = createDatabase(db.url);
    const [user] = (
      await pool.query<{ id: string }>("insert into users (email) values ($1) returning id", [
        `bench-${randomBytes(4).toString("hex")}@example.test`,
      ])
    ).rows;
    await pool.query("insert into profiles (user_id, handle) values ($1, $2)", [
      user!.id,
      `bench-${randomBytes(3).toString("hex")}`,
    ]);
    await pool.end();
    const ids = await Promise.all(
      CASES.map((c) => insertArtifact(db.url, user!.id, c.language, c.code)),
    );

    const port = await getFreePort();
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      VITRINE_DATA_DIR: dir,
      APP_ORIGIN: `http://localhost:${port}`,
      PREVIEW_ORIGIN: `http://127.0.0.1:${port}`,
      NODE_ENV: "production" as const,
    };
    if (process.env.BENCH_SKIP_BUILD !== "1" || !previewRuntimeBuilt()) await buildPreviewRuntime();
    if (process.env.BENCH_SKIP_BUILD !== "1") {
      const built = await exitCode(
        spawn(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" }),
      );
      if (built !== 0) throw new Error("next build failed");
    }
    server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
      cwd: root,
      env,
      stdio: ["ignore", "ignore", "inherit"],
    });
    const appUrl = `http://localhost:${port}`;
    const previewUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(appUrl, server, 60_000);

    browser = await chromium.launch({
      executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-gpu",
      ],
    });
    // One warm-up of each (the server compiles Tailwind and bundles runtimes once per process).
    for (const [i, c] of CASES.entries())
      await measure(browser, appUrl, previewUrl, ids[i]!, c.selector);

    const rows: Row[] = [];
    console.log("run  case                       fcp_ms  visible_ms  preview_bytes  requests");
    for (let run = 1; run <= RUNS; run++) {
      const order = run % 2 ? [0, 1] : [1, 0];
      for (const i of order) {
        const c = CASES[i]!;
        const m = await measure(browser, appUrl, previewUrl, ids[i]!, c.selector);
        rows.push({ run, name: c.name, ...m });
        console.log(
          `${String(run).padStart(3)}  ${c.name.padEnd(25)} ${m.fcp.toFixed(0).padStart(7)} ${m.visible.toFixed(0).padStart(11)} ${String(m.previewBytes).padStart(14)} ${String(m.requests).padStart(9)}`,
        );
      }
    }
    const summary = CASES.map((c) => {
      const mine = rows.filter((r) => r.name === c.name);
      return {
        name: c.name,
        fcp: median(mine.map((r) => r.fcp)),
        visible: median(mine.map((r) => r.visible)),
        bytes: median(mine.map((r) => r.previewBytes)),
      };
    });
    console.log("\nmedians of", RUNS);
    for (const s of summary)
      console.log(
        `  ${s.name.padEnd(25)} fcp ${s.fcp.toFixed(0)} ms, visible ${s.visible.toFixed(0)} ms, ${s.bytes} bytes from the preview origin`,
      );
    const [plain, rich] = summary;
    console.log(
      `  ratio (rich / plain): fcp ${(rich!.fcp / plain!.fcp).toFixed(2)}×, visible ${(rich!.visible / plain!.visible).toFixed(2)}× (target ≤ 2×)`,
    );
    code = 0;
  } catch (err) {
    console.error(`✖ ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await browser?.close().catch(() => {});
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await exitCode(server);
    }
    await db.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(code);
}

void main();
