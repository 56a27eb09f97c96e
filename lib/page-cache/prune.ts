import { prunePageCache } from "@/db/queries/page-cache";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

// Pruning runs on a timer in every web process that serves from the cache (not in the worker: the
// web role may run without one, and the cache is the web processes' own). prunePageCache is safe from
// several processes at once (an advisory lock serialises it).

const PRUNE_EVERY_MS = 60_000;
let timer: NodeJS.Timeout | undefined;

export function startPagePruner(): void {
  if (timer) return;
  timer = setInterval(() => {
    prunePageCache(env.PAGE_CACHE_MAX_AGE_SECONDS).catch((err) =>
      logger().warn({ err }, "page cache prune failed"),
    );
  }, PRUNE_EVERY_MS);
  timer.unref();
}
