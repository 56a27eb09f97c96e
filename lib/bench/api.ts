// `npm run bench:api` — issue 14: what the JSON API costs on top of the data layer. Two operations,
// each done by 32 concurrent clients, two ways, in interleaved rounds:
//   save a version   POST /api/v1/artifacts/<id>/versions  vs  createVersion() (db/queries/versions)
//   read an artifact GET  /api/v1/artifacts/<id>           vs  getVersionForViewer() (version-history)
// The API side is real HTTP (keep-alive fetch) to a node:http server that hands each request, as a
// Web Request, to the route handlers Next.js calls — bearer-token check, body limits, zod, ETag,
// JSON — without Next's router. Both sides share one pool (DB_POOL_MAX) and one database: an
// embedded PostgreSQL in <data dir>/bench-api (no benchmark dataset needed), or BENCH_DATABASE_URL.
// Thumbnails are off on both sides (the browser's save enqueues one too; that is not API cost).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, chmodSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { getFreePort } from "@/lib/ports";

const CLIENTS = 32;
const PER_CLIENT = { save: 10, read: 40 };
const ROUNDS = 5;

// lib/env.js reads the environment once, on first import: DATABASE_URL must be set before any app
// module loads, so the embedded server's port is chosen first and its URL known in advance.
let stop = async () => {};
if (!process.env.BENCH_DATABASE_URL) {
  const port = await getFreePort();
  process.env.DATABASE_URL = `postgres://postgres:vitrine@127.0.0.1:${port}/vitrine_bench_api`;
} else process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
process.env.THUMBNAILS = "off";
process.env.LOG_LEVEL ??= "warn";
const { dataDir } = await import("@/lib/paths");
const url = process.env.DATABASE_URL;
if (!process.env.BENCH_DATABASE_URL) {
  const dir = path.join(dataDir(), "bench-api");
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  const port = Number(new URL(url).port);
  const embedded = await startEmbeddedPostgres({
    dataDir: dir,
    database: "vitrine_bench_api",
    port,
  });
  if (embedded.url !== url)
    throw new Error(`embedded PostgreSQL answered at ${embedded.url}, not ${url}`);
  stop = () => embedded.stop();
}
try {
  await run(url);
} finally {
  await stop();
}

async function run(url: string) {
  await migrateDatabase(url, { log: () => {} });
  // Read by lib/env.js on first import: set before the app's modules load.
  process.env.DATABASE_URL = url;
  process.env.THUMBNAILS = "off";
  process.env.LOG_LEVEL ??= "warn";

  const { closeDb, db } = await import("@/db/index");
  const { users, profiles } = await import("@/db/schema");
  const { createArtifact } = await import("@/db/queries/artifacts");
  const { createVersion } = await import("@/db/queries/versions");
  const { getVersionForViewer } = await import("@/db/queries/version-history");
  const { createToken } = await import("@/db/queries/tokens");
  // The route handlers, loaded the way Next.js loads them (by file), not as a lib → app import: the
  // benchmark stands above the app, like the server does.
  const appRoute = (file: string) =>
    import(pathToFileURL(path.join(process.cwd(), "app/api/v1", file)).href);
  const versionsRoute = await appRoute("artifacts/[id]/versions/route.ts");
  const artifactRoute = await appRoute("artifacts/[id]/route.ts");

  type Handler = (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response>;
  const routes: [RegExp, Record<string, Handler>][] = [
    [
      /^\/api\/v1\/artifacts\/([^/]+)\/versions$/,
      versionsRoute as unknown as Record<string, Handler>,
    ],
    [/^\/api\/v1\/artifacts\/([^/]+)$/, artifactRoute as unknown as Record<string, Handler>],
  ];

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const target = new URL(req.url ?? "/", "http://bench.local");
    for (const [re, mod] of routes) {
      const m = re.exec(target.pathname);
      const handler = m && mod[req.method ?? "GET"];
      if (!handler) continue;
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const request = new Request(target, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
        ...(hasBody ? { duplex: "half" } : {}),
      } as RequestInit);
      const response = await handler(request, { params: Promise.resolve({ id: m[1]! }) });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
      return;
    }
    res.writeHead(404).end();
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((err) => {
      console.error(err);
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // One owner, one write token, one artifact per client (saves on one artifact would only conflict).
  const suffix = Date.now().toString(36);
  const [owner] = await db
    .insert(users)
    .values({ email: `bench-api-${suffix}@example.test` })
    .returning();
  await db.insert(profiles).values({ userId: owner!.id, handle: `bench-api-${suffix}` });
  const { token } = await createToken(owner!.id, {
    name: "bench",
    scope: "write",
    expiresAt: null,
  });
  const code = (n: number) =>
    `<main>\n${Array.from({ length: 60 }, (_, i) => `  <p>line ${i} of version ${n}</p>`).join("\n")}\n</main>\n`;
  const targets = await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      const { id } = await createArtifact({
        ownerUserId: owner!.id,
        idempotencyKey: crypto.randomUUID(),
        title: `Bench ${i}`,
        description: null,
        visibility: "public",
        versioningEnabled: true,
        chatHistoryPublic: false,
        language: "html",
        code: code(1),
        chat: null,
      });
      const v = await getVersionForViewer({ artifactId: id, viewerId: owner!.id });
      return { id, index: 1, versionId: v!.version.id };
    }),
  );

  type Mode = "api" | "direct";
  type Op = "save" | "read";

  async function once(mode: Mode, op: Op, t: (typeof targets)[number]): Promise<void> {
    if (op === "read") {
      if (mode === "direct") {
        if (!(await getVersionForViewer({ artifactId: t.id, viewerId: owner!.id })))
          throw new Error("read");
        return;
      }
      const r = await fetch(`${base}/api/v1/artifacts/${t.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (r.status !== 200) throw new Error(`read ${r.status}`);
      await r.arrayBuffer();
      return;
    }
    const next = code(t.index + 1);
    if (mode === "direct") {
      const result = await createVersion({
        artifactId: t.id,
        ownerUserId: owner!.id,
        baseVersionId: t.versionId,
        code: next,
      });
      if (result.status !== "created") throw new Error(`save ${result.status}`);
      t.index = result.versionIndex;
      t.versionId = result.versionId;
      return;
    }
    const r = await fetch(`${base}/api/v1/artifacts/${t.id}/versions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ parentVersion: t.index, code: next }),
    });
    if (r.status !== 201) throw new Error(`save ${r.status}: ${await r.text()}`);
    const body = (await r.json()) as { version: number; versionId: string };
    t.index = body.version;
    t.versionId = body.versionId;
  }

  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  };

  /** 32 clients, each doing `n` operations one after another; returns ops/s and the median latency. */
  async function batch(mode: Mode, op: Op) {
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      targets.map(async (t) => {
        for (let i = 0; i < PER_CLIENT[op]; i++) {
          const s = performance.now();
          await once(mode, op, t);
          latencies.push(performance.now() - s);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { opsPerSecond: latencies.length / seconds, medianMs: median(latencies) };
  }

  try {
    // Warm-up: JIT, pool connections, keep-alive sockets, the token's last_used_at.
    for (const op of ["read", "save"] as const)
      for (const mode of ["api", "direct"] as const) await batch(mode, op);
    const rows: { round: number; op: Op; mode: Mode; opsPerSecond: number; medianMs: number }[] =
      [];
    console.log(
      `bench:api — ${CLIENTS} clients; per round each client does ${PER_CLIENT.save} saves / ${PER_CLIENT.read} reads`,
    );
    console.log("round\top\tmode\tops/s\tmedian ms");
    for (let round = 1; round <= ROUNDS; round++) {
      for (const op of ["save", "read"] as const) {
        // Alternate which side goes first, so neither always runs on a warmer (or busier) machine.
        const order: Mode[] = round % 2 ? ["api", "direct"] : ["direct", "api"];
        for (const mode of order) {
          const r = await batch(mode, op);
          rows.push({ round, op, mode, ...r });
          console.log(
            `${round}\t${op}\t${mode}\t${r.opsPerSecond.toFixed(0)}\t${r.medianMs.toFixed(2)}`,
          );
        }
      }
    }
    console.log("\nmedians over rounds (API overhead = direct throughput / API throughput):");
    for (const op of ["save", "read"] as const) {
      const of = (mode: Mode) => rows.filter((r) => r.op === op && r.mode === mode);
      const api = median(of("api").map((r) => r.opsPerSecond));
      const direct = median(of("direct").map((r) => r.opsPerSecond));
      const apiMs = median(of("api").map((r) => r.medianMs));
      const directMs = median(of("direct").map((r) => r.medianMs));
      console.log(
        `  ${op}: API ${api.toFixed(0)} ops/s (median ${apiMs.toFixed(2)} ms) vs direct ${direct.toFixed(0)} ops/s (median ${directMs.toFixed(2)} ms) → overhead ${(direct / api).toFixed(2)}× throughput, ${(apiMs / directMs).toFixed(2)}× latency`,
      );
    }
  } finally {
    server.close();
    await closeDb();
  }
}
