import "server-only";
import { Lru } from "@/domain/diff/lru";
import { getDerivedRender, saveDerivedRender, type DerivedKey } from "@/db/queries/derived-renders";
import { logger } from "@/lib/log";
import { startDerivedPruner } from "./prune";

// Computed once per content, shared by every web process: a render derived from a version's code
// (its blob ref) is looked up in this process's memory, then in PostgreSQL, and computed only
// when neither has it — then stored in both. Concurrent requests for the same key in one process
// share one computation. The cache never decides what a page shows: a database error is logged
// and the render computed as if it were a miss.

const MEMORY_ENTRIES = 256;
let memory = new Lru<string, string>(MEMORY_ENTRIES);
const inFlight = new Map<string, Promise<string>>();

function keyString(key: DerivedKey): string {
  return `${key.kind}\0${key.variant}\0${key.blobRef}`;
}

/** Counts of where renders came from, in this process (for tests and the profile write-up). */
export const derivedStats = { memory: 0, database: 0, computed: 0 };

export async function derivedOnce(
  key: DerivedKey,
  compute: () => Promise<string>,
): Promise<string> {
  startDerivedPruner();
  const k = keyString(key);
  const hit = memory.get(k);
  if (hit !== undefined) {
    derivedStats.memory++;
    return hit;
  }
  const pending = inFlight.get(k);
  if (pending) return pending;
  const work = (async () => {
    const stored = await getDerivedRender(key).catch((err: unknown) => {
      logger().warn({ err, kind: key.kind }, "derived render not read");
      return null;
    });
    if (stored !== null) {
      derivedStats.database++;
      return stored;
    }
    const body = await compute();
    derivedStats.computed++;
    await saveDerivedRender(key, body).catch((err: unknown) => {
      logger().warn({ err, kind: key.kind }, "derived render not saved");
    });
    return body;
  })();
  inFlight.set(k, work);
  try {
    const body = await work;
    memory.set(k, body);
    return body;
  } finally {
    inFlight.delete(k);
  }
}

/** Forget this process's copies (tests: the next read must come from the database). */
export function clearDerivedMemory(): void {
  memory = new Lru<string, string>(MEMORY_ENTRIES);
}
