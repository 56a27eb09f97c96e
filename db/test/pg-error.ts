import { expect } from "vitest";

/**
 * Matches the error a refused statement rejects with: drizzle's DrizzleQueryError whose cause is
 * PostgreSQL's error with this SQLSTATE and constraint. `rejects.toThrow()` alone would pass on any
 * error at all (a typo in the SQL, a lost connection); this passes only on the refusal meant.
 */
export function pgRefusal(code: "23505" | "23514", constraint: string) {
  return expect.objectContaining({ cause: expect.objectContaining({ code, constraint }) });
}
