import "server-only";
import { pruneDerivedRenders } from "@/db/queries/derived-renders";
import { logger } from "@/lib/log";

// derived_renders is a cache keyed by content: nothing ever deletes a version's row, so without
// pruning it keeps every render of every version ever viewed, including deleted ones and those of
// superseded generators. Once an hour, each process that derives renders drops rows older than
// 30 days; a popular artifact's render is recomputed once a month, a forgotten one is gone.

const PRUNE_EVERY_MS = 60 * 60_000;
export const DERIVED_RENDER_MAX_AGE_SECONDS = 30 * 24 * 3600;
let timer: NodeJS.Timeout | undefined;

export function startDerivedPruner(): void {
  if (timer) return;
  timer = setInterval(() => {
    pruneDerivedRenders(DERIVED_RENDER_MAX_AGE_SECONDS)
      .then((deleted) => {
        if (deleted > 0) logger().info({ deleted }, "derived renders pruned");
      })
      .catch((err: unknown) => logger().warn({ err }, "derived render prune failed"));
  }, PRUNE_EVERY_MS);
  timer.unref();
}
