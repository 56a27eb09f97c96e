import type { Database } from "./client";

/** The benchmark dataset of PERFORMANCE.md. Implemented by the seeding work. */
export async function seedBench(_db: Database, _opts: { log: (line: string) => void }): Promise<void> {
  throw new Error("The benchmark dataset generator is not written yet.");
}
