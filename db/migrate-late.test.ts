// The benchmark dataset (.data/bench) was migrated on the bounded-queries branch: 019 applied as it
// was then (before two comment-only edits), 017 and 018 not yet merged. The current code must take
// such a database forward instead of refusing it.
import { describe, expect, it } from "vitest";
import { planMigrations, readJournal } from "./migrate";

const entries = readJournal();
const applied = (tags: string[], hashOf: (tag: string) => string) =>
  entries
    .filter((e) => tags.includes(e.tag))
    .map((e) => ({ hash: hashOf(e.tag), created_at: String(e.when) }));

describe("a database migrated on the bounded-queries branch", () => {
  const before017 = entries.filter((e) => e.tag < "017").map((e) => e.tag);
  const hash = new Map(entries.map((e) => [e.tag, e.hash]));

  it("applies 017 and 018 after 019, and accepts 019 as it was before its comment edits", () => {
    for (const old019 of [
      "d2ee75668e96a9080f66032d0483ce9b4f99a9b9b678f3a5c62b33eb84ab9725",
      "b2f0ae8bc00318103adac81532100648d2da3c969da25bb525cd03e6d39f0731",
    ]) {
      const plan = planMigrations(
        entries,
        applied([...before017, "019_bounded_queries"], (tag) =>
          tag === "019_bounded_queries" ? old019 : hash.get(tag)!,
        ),
      ).map((e) => e.tag);
      expect(plan.slice(0, 2)).toEqual(["017_page_cache", "018_derived_renders"]);
      expect(plan).not.toContain("019_bounded_queries");
    }
  });

  it("still refuses a 019 with any other content", () => {
    expect(() =>
      planMigrations(
        entries,
        applied(
          [...before017, "017_page_cache", "018_derived_renders", "019_bounded_queries"],
          (tag) => (tag === "019_bounded_queries" ? "0".repeat(64) : hash.get(tag)!),
        ),
      ),
    ).toThrow(/019_bounded_queries was changed/);
  });
});
