// Turns an artifact as people paste it into what the preview runs: CDN URLs of vendored packages
// point at the preview origin's copies, and every package outside the set is named. Pure and
// client-safe (the publish form lists unavailable imports with `unavailableImports`).
import { CDN_URL, parseCdnUrl, resolveCdnUrl, type Served, type UrlContext } from "./cdn";
import { uiKitModuleFromSpecifier } from "@/lib/preview/ui-kit/modules";
import { UI_KIT_UTILS, findPackage, knownSpecifiers } from "./registry";

export { missingPackagesMessage } from "./missing";

// import x from "y" · import "y" · export … from "y" · import("y") — in source or in sucrase output.
const IMPORT_FROM =
  /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?(["'])([^"'\n]+)\1/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*(["'])([^"'\n]+)\1\s*\)/g;

/** The module specifiers ES module code imports, in order, without duplicates. */
export function importSpecifiers(code: string): string[] {
  const withoutComments = code
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
  const found = [
    ...withoutComments.matchAll(IMPORT_FROM),
    ...withoutComments.matchAll(DYNAMIC_IMPORT),
  ]
    .map((m) => ({ at: m.index, name: m[2]! }))
    .sort((a, b) => a.at - b.at)
    .map((m) => m.name);
  return [...new Set(found)];
}

const isUrl = (s: string) =>
  /^(https?:)?\/\//i.test(s) ||
  s.startsWith("/sandbox/pkg/") ||
  s.startsWith("data:") ||
  s.startsWith("blob:");

/** Specifiers (bare or relative) that the import map cannot answer. URLs are the CDN rewriter's business. */
export function unresolvedSpecifiers(
  specifiers: string[],
  known: (s: string) => boolean,
): string[] {
  return specifiers.filter((s) => !isUrl(s) && !known(s));
}

/** Whether a bare specifier is in the set: `served` (the built import map) when given, else the static list. */
export function specifierKnown(served?: Pick<Served, "imports">): (s: string) => boolean {
  if (served) return (s) => Object.hasOwn(served.imports, s);
  const known = knownSpecifiers();
  // Without the build (in the browser), the kit's own module list says which components exist.
  return (s) => known.has(s) || s === UI_KIT_UTILS || uiKitModuleFromSpecifier(s) !== null;
}

/** Rewrites every CDN URL found in free text (JS source, import maps) as the text context decides. */
export function rewriteUrlsInText(
  text: string,
  served: Served,
  context: UrlContext,
  missing: Set<string>,
): string {
  return text.replace(CDN_URL, (url) => {
    const resolved = resolveCdnUrl(url, context, served);
    if (!resolved) return url;
    if ("missing" in resolved) {
      missing.add(resolved.missing);
      return url;
    }
    return resolved.url;
  });
}

const ATTR = (name: string) => new RegExp(`(\\s${name}\\s*=\\s*)(["']?)([^"'\\s>]*)\\2`, "i");

/** One start tag with its src/href rewritten; integrity is dropped (our copy is not the CDN's bytes). */
function rewriteTag(
  tag: string,
  attr: "src" | "href",
  context: UrlContext,
  served: Served,
  missing: Set<string>,
): string {
  const match = ATTR(attr).exec(tag);
  if (!match) return tag;
  const resolved = resolveCdnUrl(match[3]!, context, served);
  if (!resolved) return tag;
  if ("missing" in resolved) {
    missing.add(resolved.missing);
    return tag;
  }
  return tag
    .replace(match[0], `${match[1]}"${resolved.url}"`)
    .replace(/\sintegrity\s*=\s*(["'])[^"']*\1/i, "")
    .replace(/\sintegrity\s*=\s*[^\s>]+/i, "");
}

export type RewriteResult = { code: string; missing: string[] };

/**
 * An HTML artifact with its CDN scripts, modules and stylesheets pointed at the vendored copies,
 * and the packages it needs that the preview does not have (CDN URLs and bare module imports).
 * cdn.tailwindcss.com and Google Fonts are left exactly as written.
 */
export function rewriteHtml(html: string, served: Served): RewriteResult {
  const missing = new Set<string>();
  let code = html.replace(/<script\b[^>]*>/gi, (tag) => {
    const isModule = /\stype\s*=\s*["']?module\b/i.test(tag);
    return rewriteTag(tag, "src", isModule ? "module" : "classic", served, missing);
  });
  code = code.replace(/<link\b[^>]*>/gi, (tag) => {
    if (/\srel\s*=\s*["']?stylesheet\b/i.test(tag))
      return rewriteTag(tag, "href", "style", served, missing);
    if (/\srel\s*=\s*["']?modulepreload\b/i.test(tag))
      return rewriteTag(tag, "href", "module", served, missing);
    return tag;
  });
  code = rewriteUrlsInText(code, served, "text", missing);

  // Bare imports in module scripts resolve through our import map or the page's own.
  const pageMap = new Set<string>();
  for (const m of code.matchAll(
    /<script\b[^>]*\stype\s*=\s*["']?importmap["']?[^>]*>([\s\S]*?)<\/script>/gi,
  )) {
    try {
      const parsed = JSON.parse(m[1]!) as { imports?: Record<string, string> };
      for (const key of Object.keys(parsed.imports ?? {})) pageMap.add(key);
    } catch {
      // A broken import map is the browser's to report.
    }
  }
  const known = specifierKnown(served);
  const knownHere = (s: string) =>
    known(s) || pageMap.has(s) || [...pageMap].some((k) => k.endsWith("/") && s.startsWith(k));
  for (const m of code.matchAll(
    /<script\b[^>]*\stype\s*=\s*["']?module\b[^>]*>([\s\S]*?)<\/script>/gi,
  )) {
    for (const s of unresolvedSpecifiers(importSpecifiers(m[1]!), knownHere))
      if (!/^\.{0,2}\//.test(s)) missing.add(s);
  }
  return { code, missing: [...missing] };
}

/** A plain script that defines setup() or draw() as globals and never makes its own p5: a global-mode sketch. */
export function isP5Sketch(code: string): boolean {
  const defines =
    /(^|\n)\s*(?:async\s+)?function\s+(setup|draw)\s*\(|(^|\n)\s*(?:var|let|const)\s+(setup|draw)\s*=/.test(
      code,
    );
  const instanceMode = /\bnew\s+p5\s*\(/.test(code);
  const usesP5 =
    /\b(createCanvas|background|ellipse|rect|fill|stroke|noStroke|frameRate|windowWidth|mouseX|createVector|noise|random)\s*\(|\b(width|height|mouseX|mouseY|frameCount)\b/.test(
      code,
    );
  return defines && usesP5 && !instanceMode;
}

/** Whether a JavaScript artifact is an ES module (top-level import/export). */
export function isModuleScript(code: string): boolean {
  return /(^|\n)\s*(import\s*[\w${*"']|export\s+(default|const|function|class|let|\{))/.test(code);
}

/**
 * For the publish and edit forms: the packages an artifact uses that the preview cannot provide,
 * without the build (the static set). Empty for languages without a preview.
 */
export function unavailableImports(language: string | null | undefined, code: string): string[] {
  const lang = (language ?? "").toLowerCase();
  const missing = new Set<string>();
  const known = specifierKnown();
  const collectCdn = (text: string) => {
    for (const [url] of text.matchAll(CDN_URL)) {
      const ref = parseCdnUrl(url);
      if (ref && !findPackage(ref.pkg)) missing.add(ref.pkg);
    }
  };
  if (lang === "jsx" || lang === "tsx" || lang === "react") {
    for (const s of unresolvedSpecifiers(importSpecifiers(code), known)) missing.add(s);
    collectCdn(code);
  } else if (lang === "html") {
    for (const m of code.matchAll(
      /<script\b[^>]*\stype\s*=\s*["']?module\b[^>]*>([\s\S]*?)<\/script>/gi,
    )) {
      for (const s of unresolvedSpecifiers(importSpecifiers(m[1]!), known))
        if (!/^\.{0,2}\//.test(s)) missing.add(s);
    }
    collectCdn(code);
  } else if (lang === "javascript" || lang === "js") {
    if (isModuleScript(code))
      for (const s of unresolvedSpecifiers(importSpecifiers(code), known)) missing.add(s);
    collectCdn(code);
  }
  return [...missing];
}
