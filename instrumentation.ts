// Runs once when the Next.js server starts. In production (NODE_ENV=production without
// VITRINE_DEMO=1) a missing or unsafe variable stops the server here, naming the variable — this also
// covers the standalone `node server.js` of the Docker image, which bypasses lib/runner.ts.
// The thumbnail worker runs in this process only in the one-command demo (VITRINE_ROLE=all);
// production web processes (VITRINE_ROLE=web) only enqueue, and `npm run start:worker` consumes.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, productionConfigProblems } = await import("@/lib/env");
  const problems = productionConfigProblems();
  if (problems.length) {
    console.error(`\n✖ The server cannot start in production:\n  - ${problems.join("\n  - ")}\n`);
    process.exit(1);
  }
  if (env.VITRINE_ROLE === "all" && env.DATABASE_URL) await startAccountExports(); // the demo's worker
  if (env.VITRINE_ROLE !== "all" || env.THUMBNAILS === "off" || !env.DATABASE_URL) return;
  const { startThumbnailWorker } = await import("@/lib/thumbnails/worker");
  // Never block or crash start-up on the queue: log and carry on serving pages.
  const { logger } = await import("@/lib/log");
  startThumbnailWorker().catch((err) => {
    logger().error({ err }, "thumbnail worker did not start");
  });
}

/** Big account exports (lib/archive/account-job.ts) are built in the demo's one process too. */
async function startAccountExports() {
  const { startAccountExportWorker } = await import("@/lib/archive/account-job");
  const { logger } = await import("@/lib/log");
  startAccountExportWorker().catch((err) => {
    logger().error({ err }, "account export worker did not start");
  });
}

/**
 * Every error Next.js caught while rendering or handling a request, as one JSON line (lib/log) with
 * the request id (x-request-id, set by the proxy), the route and the error — never the request's
 * cookies or body.
 */
export async function onRequestError(
  err: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routerKind: string; routePath: string; routeType: string },
) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return; // pino is Node-only; we have no edge routes
  const { logger } = await import("@/lib/log");
  const error = err instanceof Error ? err : new Error(String(err));
  const requestId = request.headers["x-request-id"];
  logger(Array.isArray(requestId) ? requestId[0] : requestId).error(
    {
      err: error,
      method: request.method,
      path: request.path,
      route: context.routePath,
      routeType: context.routeType,
      digest: (error as Error & { digest?: string }).digest,
    },
    "request failed",
  );
}
