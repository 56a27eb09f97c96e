import { describe, expect, it } from "vitest";
import {
  formatFreshness,
  formatSummary,
  likeCountFromHtml,
  median,
  parsePagesArgs,
  readsUntilFresh,
  roundOrder,
  summarise,
  type Sample,
} from "./pages-report";

describe("parsePagesArgs", () => {
  it("defaults to 5 rounds of 5 s at 32 connections and 5 write-then-read trials", () => {
    expect(parsePagesArgs([])).toEqual({ rounds: 5, duration: 5, connections: 32, trials: 5 });
  });
  it("reads each flag", () => {
    expect(
      parsePagesArgs(["--rounds", "3", "--duration=10", "--connections", "8", "--trials", "2"]),
    ).toEqual({ rounds: 3, duration: 10, connections: 8, trials: 2 });
  });
  it("refuses unknown flags and values that are not whole numbers ≥ 1, with the usage", () => {
    expect(() => parsePagesArgs(["--round", "3"])).toThrow(/Usage: npm run bench:pages/);
    expect(() => parsePagesArgs(["--rounds", "0"])).toThrow(/--rounds must be a whole number/);
    expect(() => parsePagesArgs(["--duration", "2.5"])).toThrow(/--duration/);
    expect(() => parsePagesArgs(["extra"])).toThrow(/Usage/);
  });
});

describe("roundOrder", () => {
  it("rotates the targets by the round, so every target follows every other once", () => {
    const t = ["a", "b", "c"];
    expect([0, 1, 2, 3].map((r) => roundOrder(t, r).join(""))).toEqual([
      "abc",
      "bca",
      "cab",
      "abc",
    ]);
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNaN();
  });
});

const sample = (
  round: number,
  target: string,
  reqPerSec: number,
  p99: number,
  extra: Partial<Sample> = {},
): Sample => ({
  round,
  target,
  reqPerSec,
  responses: reqPerSec * 5,
  p50: Math.round(p99 / 3),
  p99,
  non2xx: 0,
  errors: 0,
  cache: { none: Math.round(reqPerSec) },
  ...extra,
});

describe("summarise", () => {
  const samples = [
    sample(1, "file", 1000, 40),
    sample(1, "page", 300, 250, { non2xx: 2, cache: { hit: 10, miss: 1 } }),
    sample(2, "page", 600, 150, { cache: { hit: 20 } }),
    sample(2, "file", 1200, 30),
    sample(3, "file", 800, 60),
    sample(3, "page", 500, 180, { errors: 1, cache: { hit: 5, miss: 1 } }),
  ];
  const rows = summarise(samples, "file");

  it("takes medians per target over the rounds and sums the failures", () => {
    expect(rows.map((r) => [r.target, r.reqPerSec, r.p99, r.non2xx, r.errors])).toEqual([
      ["file", 1000, 40, 0, 0],
      ["page", 500, 180, 2, 1],
    ]);
  });
  it("counts a round without responses as 0 req/s and leaves it out of the latency medians", () => {
    const [row] = summarise(
      [
        sample(1, "page", 40, 900),
        sample(2, "page", 0, NaN, { responses: 0, p50: NaN }),
        sample(3, "page", 30, 700),
      ],
      "page",
    );
    expect([row!.reqPerSec, row!.p99]).toEqual([30, 800]);
    const none = summarise([sample(1, "page", 0, NaN, { responses: 0, p50: NaN })], "page");
    expect(formatSummary(none, { ratioTargets: [], minRatio: 0.5, maxP99: 200 })[1]).toMatch(
      /^page\s+0\.0\s+n\/a\s+n\/a .* p99 MISSED$/,
    );
  });
  it("gives each target's median req/s relative to the reference file's", () => {
    expect(rows.map((r) => r.ratio)).toEqual([1, 0.5]);
  });
  it("adds up the cache header values seen in every round", () => {
    expect(rows[1]!.cache).toEqual({ hit: 35, miss: 2 });
  });
  it("prints the table with each target's verdict", () => {
    const lines = formatSummary(rows, { ratioTargets: ["page"], minRatio: 0.6, maxP99: 200 });
    expect(lines[0]).toMatch(/^target\s+req\/s\s+p50_ms\s+p99_ms\s+non2xx\s+errors\s+vs file/);
    expect(lines[1]).toMatch(/^file\s+1000\.0 .* 1\.00×\s+none:3000\s+p99 ok$/);
    expect(lines[2]).toMatch(/^page\s+500\.0 .* 0\.50×\s+hit:35 miss:2\s+ratio MISSED, p99 ok$/);
  });
});

describe("write then read", () => {
  it("counts the reads until the committed count showed; 1 is the very next request", () => {
    expect(readsUntilFresh({ write: "like", expected: 4, seen: [4], cache: ["miss"] })).toBe(1);
    expect(readsUntilFresh({ write: "like", expected: 4, seen: [3, 3, 4], cache: [] })).toBe(3);
    expect(readsUntilFresh({ write: "unlike", expected: 3, seen: [4, 4], cache: [] })).toBeNull();
  });
  it("prints one row per trial and how many showed on the next request", () => {
    const lines = formatFreshness([
      { write: "like", expected: 4, seen: [4], cache: ["miss"] },
      { write: "unlike", expected: 3, seen: [4, 3], cache: ["hit", "miss"] },
    ]);
    expect(lines[1]).toMatch(/^1\s+like\s+4\s+1\s+4\s+miss$/);
    expect(lines[2]).toMatch(/^2\s+unlike\s+3\s+2\s+4,3\s+hit,miss$/);
    expect(lines.at(-1)).toBe("shown on the very next request: 1 of 2 (target: all)");
  });
});

describe("likeCountFromHtml", () => {
  // Cut from the server-rendered artifact page of the demo build (anonymous visitor).
  const html =
    '<h1 class="text-2xl">Snake</h1><span>3 versions</span>' +
    '<a class="inline-flex items-center gap-1 rounded-full tabular-nums transition border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50 text-zinc-600" data-testid="like-button" href="/login?callbackUrl=%2Fa%2Fa2f8bb84-8810-413f-8056-3802ebf6edf6"><svg aria-hidden="true" viewBox="0 0 24 24" class="size-4" fill="none" stroke="currentColor" stroke-width="2"><path d="M12 21s-7.5-4.6-9.6-9.1C.9 8.6 3 5 6.6 5c2.1 0 3.6 1.2 5.4 3.1C13.8 6.2 15.3 5 17.4 5 21 5 23.1 8.6 21.6 11.9 19.5 16.4 12 21 12 21z"></path></svg><span>6</span><span class="sr-only"> <!-- -->likes</span><span class="sr-only">, sign in to like</span></a><section id="comments" aria-labelledby="comments-heading" class="scroll-mt-20 space-y-4">';
  it("reads the like button's count, not an earlier number on the page", () => {
    expect(likeCountFromHtml(html)).toBe(6);
  });
  it("is null when the page has no like button", () => {
    expect(likeCountFromHtml("<main><span>12</span></main>")).toBeNull();
  });
});
