import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  formatFailing,
  formatScores,
  missedTargets,
  parseLighthouseArgs,
  summariseLhr,
  trimLhr,
  type Lhr,
} from "./lighthouse-report";

// Two LHRs saved by `npm run bench:lighthouse -- --save-json` (Lighthouse 12.8.2, Chromium 156) on
// the demo build before the diff page's contrast and target-size fixes, trimmed by trimLhr.
const fixture = (name: string): Lhr =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8")) as Lhr;
const diffMobile = fixture("lighthouse-diff-mobile.json");
const artifactMobile = fixture("lighthouse-artifact-mobile.json");

describe("parseLighthouseArgs", () => {
  it("defaults to the four pages in both form factors, nothing saved", () => {
    expect(parseLighthouseArgs([])).toEqual({
      pages: ["home", "profile", "artifact", "diff"],
      formFactors: ["mobile", "desktop"],
      saveJson: null,
      saveTrace: null,
      runs: 1,
      cold: false,
    });
  });
  it("takes a subset and a folder to save the results in", () => {
    expect(
      parseLighthouseArgs(["--pages", "diff,home", "--form-factors=desktop", "--save-json", "out"]),
    ).toEqual({
      pages: ["diff", "home"],
      formFactors: ["desktop"],
      saveJson: "out",
      saveTrace: null,
      runs: 1,
      cold: false,
    });
  });
  it("takes a number of runs and a folder for full results and traces", () => {
    expect(parseLighthouseArgs(["--runs", "3", "--save-trace", "traces", "--cold"])).toMatchObject({
      runs: 3,
      saveTrace: "traces",
      cold: true,
    });
    expect(() => parseLighthouseArgs(["--runs", "0"])).toThrow(/--runs takes a whole number/);
    expect(() => parseLighthouseArgs(["--runs", "two"])).toThrow(/--runs takes a whole number/);
  });
  it("refuses an unknown page, form factor or flag", () => {
    expect(() => parseLighthouseArgs(["--pages", "home,explore"])).toThrow(/--pages takes some of/);
    expect(() => parseLighthouseArgs(["--form-factors", "tablet"])).toThrow(/--form-factors/);
    expect(() => parseLighthouseArgs(["--page", "home"])).toThrow(
      /Usage: npm run bench:lighthouse/,
    );
  });
});

describe("summariseLhr on a real diff page result (mobile)", () => {
  const s = summariseLhr(diffMobile, "diff");

  it("reads the four category scores out of 100 and the form factor", () => {
    expect(s.scores).toEqual({
      performance: 92,
      accessibility: 91,
      "best-practices": 100,
      seo: 100,
    });
    expect(s.formFactor).toBe("mobile");
    expect(s.benchmarkIndex).toBeGreaterThan(0);
  });

  it("lists the failing accessibility audits with the elements they name", () => {
    const a11y = s.failing.filter((f) => f.category === "accessibility");
    expect(a11y.map((f) => f.id)).toEqual(["color-contrast", "target-size"]);
    const [contrast, target] = a11y;
    expect(contrast!.weight).toBe(7);
    expect(contrast!.items).toHaveLength(5);
    expect(contrast!.moreItems).toBe(25);
    expect(contrast!.items[0]).toMatch(
      /^tbody > tr\.d > td > span\.k5 <span class="k5"> \(Element has insufficient color contrast of 4\.22 \(foreground color: #22863a, background color: #fef2f2/,
    );
    expect(target!.items[0]).toMatch(/th#F12 > a <a href="#F12"> \(Target has insufficient size/);
  });

  it("leaves out the metrics (they are the performance score) and passing or unscored audits", () => {
    const ids = s.failing.map((f) => f.id);
    expect(ids).not.toContain("largest-contentful-paint");
    expect(ids).not.toContain("first-contentful-paint");
    for (const f of s.failing) expect(diffMobile.audits[f.id]!.score).not.toBeNull();
    expect(ids).not.toContain("image-alt"); // passed
  });

  it("names what an audit's table lists when there is no element: phases with their times", () => {
    const lcp = s.failing.find((f) => f.id === "largest-contentful-paint-element")!;
    expect(lcp.items).toContain("Render Delay (2850 ms)");
  });

  it("prints the scores against the targets, then each failing audit and its elements", () => {
    expect(missedTargets(s)).toEqual(["performance 92 < 95", "accessibility 91 < 100"]);
    const [header, row, loaded] = formatScores([s, { ...s, load: 1.234 }]);
    expect(header).toMatch(
      /^page\s+form\s+perf\s+a11y\s+best-pr\s+seo\s+cpu-index\s+load\s+targets/,
    );
    expect(row).toMatch(
      /^diff\s+mobile\s+92\s+91\s+100\s+100\s+\d+\s+n\/a\s+MISSED: performance 92 < 95; accessibility 91 < 100/,
    );
    expect(loaded).toMatch(/^diff\s+mobile\s+92\s+91\s+100\s+100\s+\d+\s+1\.23\s+MISSED/);
    const lines = formatFailing(s);
    expect(lines[0]).toMatch(
      /^diff \(mobile\) http:\/\/localhost:\d+\/a\/[0-9a-f-]+\/diff\?from=1&to=6$/,
    );
    expect(lines).toContain(
      "  [accessibility] target-size: Touch targets do not have sufficient size or spacing. (score 0, weight 7)",
    );
    expect(lines).toContain("      … and 25 more");
  });
});

describe("summariseLhr on a real artifact page result (mobile)", () => {
  const s = summariseLhr(artifactMobile, "artifact");

  it("reports best practices below 100 and the issue that costs it", () => {
    expect(s.scores["best-practices"]).toBe(96);
    const issue = s.failing.find((f) => f.id === "inspector-issues")!;
    expect(issue.category).toBe("best-practices");
    expect(issue.items).toEqual(["Content security policy"]);
  });

  it("reads a checklist's unmet checks", () => {
    const latency = s.failing.find((f) => f.id === "document-latency-insight")!;
    expect(latency.items).toEqual([
      expect.stringMatching(/^Server responded slowly \(observed \d+ ms\)$/),
    ]);
  });
});

describe("trimLhr", () => {
  it("keeps scores and failing details, drops passing audits' details and what no summary reads", () => {
    const full = {
      ...diffMobile,
      audits: {
        ...diffMobile.audits,
        "image-alt": {
          ...diffMobile.audits["image-alt"]!,
          details: { type: "table", items: [{}] },
        },
      },
      fullPageScreenshot: { data: "…" },
    } as Lhr;
    const trimmed = trimLhr(full);
    expect(trimmed).not.toHaveProperty("fullPageScreenshot");
    expect(trimmed.audits["image-alt"]!.details).toBeUndefined();
    expect(trimmed.audits["color-contrast"]!.details).toEqual(
      diffMobile.audits["color-contrast"]!.details,
    );
    expect(summariseLhr(trimmed, "diff")).toEqual(summariseLhr(diffMobile, "diff"));
  });
});
