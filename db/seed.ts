import type { Database } from "./client";

export type SeedResult = { created: boolean; users: number; artifacts: number };

/** Demo content (idempotent). Filled in by the seeding work; see README. */
export async function seedDemo(_db: Database): Promise<SeedResult> {
  return { created: false, users: 0, artifacts: 0 };
}
