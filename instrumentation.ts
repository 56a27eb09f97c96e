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
  if (env.VITRINE_ROLE !== "all" || env.THUMBNAILS === "off" || !env.DATABASE_URL) return;
  const { startThumbnailWorker } = await import("@/lib/thumbnails/worker");
  // Never block or crash start-up on the queue: log and carry on serving pages.
  startThumbnailWorker().catch((err) => {
    console.error(
      `[thumbnails] worker did not start: ${err instanceof Error ? err.message : String(err)}`,
    );
  });
}

/**
 * Every error Next.js caught while rendering or handling a request, as one JSON line with the
 * route, the request id (x-request-id, set by the proxy) and the message — never a bare stack
 * without context, and never the request's cookies or body.
 */
export function onRequestError(
  err: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routerKind: string; routePath: string; routeType: string },
) {
  const error = err instanceof Error ? err : new Error(String(err));
  const requestId = request.headers["x-request-id"];
  console.error(
    JSON.stringify({
      level: "error",
      time: new Date().toISOString(),
      msg: "request failed",
      requestId: Array.isArray(requestId) ? requestId[0] : requestId,
      method: request.method,
      path: request.path,
      route: context.routePath,
      routeType: context.routeType,
      error: error.message,
      digest: (error as Error & { digest?: string }).digest,
      stack: error.stack?.split("\n").slice(0, 6).join("\n"),
    }),
  );
}
