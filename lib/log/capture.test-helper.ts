import { captureLogs } from "@/lib/log";

/** Collects the JSON log lines written while `run` runs (tests only). */
export async function logLinesDuring(run: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const restore = captureLogs({
    write: (chunk) => lines.push(...chunk.split("\n").filter(Boolean)),
  });
  try {
    await run();
    // Lines written from a callback that resolved with the last promise (Auth.js's logger).
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    restore();
  }
  return lines;
}
