// Pure parts of `npm run bench:lighthouse`: its flags, what a Lighthouse result (LHR) says — the four
// category scores and the audits that fail, with the elements they name — and the printed report.
// lib/bench/lighthouse-report.test.ts runs them on an LHR saved from a real run
// (lib/bench/fixtures/lighthouse-artifact-mobile.json, trimmed by trimLhr below).
import { parseArgs } from "node:util";

export const PAGE_NAMES = ["home", "profile", "artifact", "diff"] as const;
export const FORM_FACTORS = ["mobile", "desktop"] as const;
export type PageName = (typeof PAGE_NAMES)[number];
export type FormFactor = (typeof FORM_FACTORS)[number];

export type LighthouseOptions = {
  pages: PageName[];
  formFactors: FormFactor[];
  /** Folder to write each (trimmed) LHR to, or null. */
  saveJson: string | null;
  /** Folder to write each full LHR and its trace to (for the LCP breakdown and script attribution). */
  saveTrace: string | null;
  /** Lighthouse runs per page and form factor (scores vary by a few points between runs). */
  runs: number;
  /** Audit each page's first, uncached render instead of warming the page cache first. */
  cold: boolean;
};

export const LIGHTHOUSE_USAGE =
  "npm run bench:lighthouse -- [--pages home,profile,artifact,diff] [--form-factors mobile,desktop] [--save-json <folder>] [--save-trace <folder>] [--runs <n>] [--cold]";

function list<T extends string>(name: string, raw: string | undefined, all: readonly T[]): T[] {
  if (raw === undefined) return [...all];
  const picked = raw.split(",").map((s) => s.trim());
  const unknown = picked.filter((p) => !all.includes(p as T));
  if (unknown.length || !picked.length)
    throw new Error(`--${name} takes some of ${all.join(",")}, not "${raw}"`);
  return picked as T[];
}

export function parseLighthouseArgs(argv: string[]): LighthouseOptions {
  let values: {
    pages?: string;
    "form-factors"?: string;
    "save-json"?: string;
    "save-trace"?: string;
    runs?: string;
    cold?: boolean;
  };
  try {
    values = parseArgs({
      args: argv,
      options: {
        pages: { type: "string" },
        "form-factors": { type: "string" },
        "save-json": { type: "string" },
        "save-trace": { type: "string" },
        runs: { type: "string" },
        cold: { type: "boolean" },
      },
      strict: true,
    }).values;
  } catch (err) {
    throw new Error(`${(err as Error).message}. Usage: ${LIGHTHOUSE_USAGE}`);
  }
  const runs = Number(values.runs ?? 1);
  if (!Number.isInteger(runs) || runs < 1 || runs > 10)
    throw new Error(`--runs takes a whole number from 1 to 10, not "${values.runs}"`);
  return {
    pages: list("pages", values.pages, PAGE_NAMES),
    formFactors: list("form-factors", values["form-factors"], FORM_FACTORS),
    saveJson: values["save-json"] ?? null,
    saveTrace: values["save-trace"] ?? null,
    runs,
    cold: values.cold === true,
  };
}

// The parts of an LHR (lighthouse/types/lhr/lhr.d.ts) this file reads.
type Node = {
  type: "node";
  selector?: string;
  snippet?: string;
  nodeLabel?: string;
  explanation?: string;
};
type Item = Record<string, unknown>;
export type LhrAudit = {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  explanation?: string;
  errorMessage?: string;
  /** items: an array (table, list of tables, opportunity) or an object (checklist). */
  details?: { type?: string; items?: unknown };
};
export type Lhr = {
  lighthouseVersion: string;
  requestedUrl?: string;
  finalDisplayedUrl: string;
  fetchTime?: string;
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
  configSettings: { formFactor: string };
  /** benchmarkIndex: Lighthouse's own CPU benchmark of the machine at run time (higher = faster). */
  environment?: { hostUserAgent?: string; benchmarkIndex?: number };
  categories: Record<
    string,
    {
      id: string;
      title: string;
      score: number | null;
      auditRefs: { id: string; weight: number; group?: string }[];
    }
  >;
  audits: Record<string, LhrAudit>;
};

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];
/** Issue 13 / PERFORMANCE.md: the lowest score (0–100) each category may have. */
export const TARGETS: Record<Category, number> = {
  performance: 95,
  accessibility: 100,
  "best-practices": 95,
  seo: 100,
};

export type FailingAudit = {
  category: Category;
  id: string;
  title: string;
  score: number;
  weight: number;
  displayValue?: string;
  /** The offending elements (selector and markup) or resources the audit names. */
  items: string[];
  moreItems: number;
};

export type PageSummary = {
  page: string;
  formFactor: string;
  url: string;
  /** 0–100, null when Lighthouse could not score the category. */
  scores: Record<Category, number | null>;
  failing: FailingAudit[];
  warnings: string[];
  benchmarkIndex: number | null;
  /** The 1-minute load average when the run started, or null when not recorded. */
  load: number | null;
};

const UNSCORED = new Set(["manual", "informative", "notApplicable", "error"]);
const ITEMS_SHOWN = 5;

/** Lighthouse's own pass line: binary audits pass at 1, scored ones at 0.9 (its green). */
function fails(a: LhrAudit): boolean {
  if (a.score === null || UNSCORED.has(a.scoreDisplayMode)) return false;
  return a.scoreDisplayMode === "binary" ? a.score < 1 : a.score < 0.9;
}

const oneLine = (s: string, max = 160) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && (v as { type?: unknown }).type === "node";
}

const LABEL_KEYS = [
  "url",
  "source",
  "description",
  "label",
  "groupLabel",
  "reason",
  "statistic",
  "phase",
  "issueType",
  "text",
];
const AMOUNTS: [string, (n: number) => string][] = [
  ["wastedBytes", (n) => `${Math.round(n / 1024)} KiB`],
  ["wastedMs", (n) => `${Math.round(n)} ms`],
  ["total", (n) => `${Math.round(n)} ms`],
  ["duration", (n) => `${Math.round(n)} ms`],
  ["reflowTime", (n) => `${Math.round(n)} ms`],
  ["responseTime", (n) => `${Math.round(n)} ms`],
  ["timing", (n) => `${Math.round(n)} ms`],
];

/** One line per item: the element (selector, markup, why) when there is one, else its URL or text. */
export function describeItem(item: Item): string {
  const node = Object.values(item).find(isNode);
  if (node) {
    const parts = [node.selector, node.snippet && oneLine(node.snippet, 120)].filter(Boolean);
    const why = node.explanation?.split("\n").find((l) => l.trim() && !/^Fix any/.test(l));
    return oneLine([parts.join("  "), why && `(${why.trim()})`].filter(Boolean).join(" "), 260);
  }
  let label = "";
  for (const key of LABEL_KEYS) {
    const v = item[key];
    if (typeof v === "string" && v) label = v;
    else if (typeof v === "object" && v !== null) {
      const o = v as { url?: unknown; value?: unknown };
      if (typeof o.url === "string") label = o.url;
      else if (typeof o.value === "string") label = o.value;
    }
    if (label) break;
  }
  const amount = AMOUNTS.find(([key]) => typeof item[key] === "number");
  const suffix = amount ? ` (${amount[1](item[amount[0]] as number)})` : "";
  return oneLine((label || JSON.stringify(item)) + suffix, 200);
}

/**
 * The rows an audit lists: a table's items; a list's tables flattened; a checklist's unmet checks.
 */
export function detailItems(details: LhrAudit["details"]): Item[] {
  const items = details?.items;
  if (Array.isArray(items))
    return items.flatMap((item: Item) =>
      Array.isArray(item.items) && typeof item.type === "string" ? (item.items as Item[]) : [item],
    );
  if (items && typeof items === "object")
    return Object.values(items as Record<string, { label?: string; value?: unknown }>)
      .filter((check) => check.value === false)
      .map((check) => ({ label: check.label ?? "" }));
  return [];
}

export function summariseLhr(lhr: Lhr, page: string, load: number | null = null): PageSummary {
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => {
      const s = lhr.categories[c]?.score;
      return [c, s === null || s === undefined ? null : Math.round(s * 100)];
    }),
  ) as Record<Category, number | null>;
  const failing: FailingAudit[] = [];
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      // Performance metrics are the score itself, not an audit to fix: they are in the score.
      if (!audit || !fails(audit) || ref.group === "metrics") continue;
      const items = detailItems(audit.details).map(describeItem);
      failing.push({
        category,
        id: audit.id,
        title: audit.title,
        score: audit.score ?? 0,
        weight: ref.weight,
        displayValue: audit.displayValue,
        items: items.slice(0, ITEMS_SHOWN),
        moreItems: Math.max(0, items.length - ITEMS_SHOWN),
      });
    }
  }
  const warnings = [...(lhr.runWarnings ?? [])];
  if (lhr.runtimeError) warnings.unshift(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  return {
    page,
    formFactor: lhr.configSettings.formFactor,
    url: lhr.finalDisplayedUrl,
    scores,
    failing,
    warnings,
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    load,
  };
}

/** Categories below their target, e.g. ["accessibility 96 < 100"]. */
export function missedTargets(s: PageSummary): string[] {
  return CATEGORIES.filter((c) => s.scores[c] === null || s.scores[c]! < TARGETS[c]).map(
    (c) => `${c} ${s.scores[c] ?? "n/a"} < ${TARGETS[c]}`,
  );
}

export function formatScores(summaries: readonly PageSummary[]): string[] {
  const header = ["page", "form", "perf", "a11y", "best-pr", "seo", "cpu-index", "load", "targets"];
  const rows = summaries.map((s) => {
    const missed = missedTargets(s);
    return [
      s.page,
      s.formFactor,
      ...CATEGORIES.map((c) => String(s.scores[c] ?? "n/a")),
      s.benchmarkIndex === null ? "n/a" : String(Math.round(s.benchmarkIndex)),
      s.load === null ? "n/a" : s.load.toFixed(2),
      missed.length ? `MISSED: ${missed.join("; ")}` : "all met",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 || i === 8 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ");
  return [line(header), ...rows.map(line)];
}

export function formatFailing(s: PageSummary): string[] {
  const lines = [`${s.page} (${s.formFactor}) ${s.url}`];
  for (const w of s.warnings) lines.push(`  warning: ${oneLine(w, 200)}`);
  if (!s.failing.length) lines.push("  no failing audits");
  for (const f of s.failing) {
    const weight = f.weight ? `weight ${f.weight}` : "diagnostic";
    const value = f.displayValue ? ` — ${oneLine(f.displayValue, 80)}` : "";
    lines.push(`  [${f.category}] ${f.id}: ${f.title}${value} (score ${f.score}, ${weight})`);
    for (const item of f.items) lines.push(`      ${item}`);
    if (f.moreItems) lines.push(`      … and ${f.moreItems} more`);
  }
  return lines;
}

/**
 * The LHR without what the summary never reads (screenshots, traces, passing audits' details), so a
 * saved run stays small enough to keep as a test fixture.
 */
export function trimLhr(lhr: Lhr): Lhr {
  const audits: Record<string, LhrAudit> = {};
  for (const category of Object.values(lhr.categories))
    for (const ref of category.auditRefs) {
      const a = lhr.audits[ref.id];
      if (!a) continue;
      const { id, title, score, scoreDisplayMode, displayValue, explanation, errorMessage } = a;
      audits[ref.id] = {
        id,
        title,
        score,
        scoreDisplayMode,
        displayValue,
        explanation,
        errorMessage,
      };
      if (fails(a) && a.details?.items !== undefined)
        audits[ref.id]!.details = { type: a.details.type, items: a.details.items };
    }
  return {
    lighthouseVersion: lhr.lighthouseVersion,
    requestedUrl: lhr.requestedUrl,
    finalDisplayedUrl: lhr.finalDisplayedUrl,
    fetchTime: lhr.fetchTime,
    runtimeError: lhr.runtimeError,
    runWarnings: lhr.runWarnings,
    configSettings: { formFactor: lhr.configSettings.formFactor },
    environment: lhr.environment && {
      hostUserAgent: lhr.environment.hostUserAgent,
      benchmarkIndex: lhr.environment.benchmarkIndex,
    },
    categories: Object.fromEntries(
      Object.entries(lhr.categories).map(([k, c]) => [
        k,
        {
          id: c.id,
          title: c.title,
          score: c.score,
          auditRefs: c.auditRefs.map(({ id, weight, group }) => ({ id, weight, group })),
        },
      ]),
    ),
    audits,
  };
}
