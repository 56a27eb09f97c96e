import "server-only";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { rewriteFontUrls } from "@/lib/preview/fonts/rewrite";
import type { PreviewKind } from "@/domain/languages";
import { compileTailwind, type TailwindSource } from "./compile";
import { extractTailwind, insertStylesheet } from "./html";
import { readPlayCdnConfig } from "./literal";

// The styling half of a preview payload: Tailwind compiled for this artifact's classes, and font
// URLs pointed at the bundled fonts. Done once per version content (cached by hash in memory,
// concurrent requests share one compile), never per view.

export type StyledCode = { code: string; css?: string };

const KIT_IMPORT = /["']@\/components\/ui\/([a-z0-9-]+)["']/g;
const KIT_LOCAL_IMPORT = /from\s+["']\.\/([a-z0-9-]+)["']/g;

function kitDir(): string {
  return path.join(process.cwd(), "lib", "preview", "ui-kit");
}

function readKitFile(relative: string): string | null {
  const file = path.join(kitDir(), relative);
  return existsSync(/*turbopackIgnore: true*/ file)
    ? readFileSync(/*turbopackIgnore: true*/ file, "utf8")
    : null;
}

/** The kit components an artifact imports and the ones they import, as compile sources. */
export function kitSources(source: string): TailwindSource[] {
  const pending = [...source.matchAll(KIT_IMPORT)].map((m) => m[1]!);
  const seen = new Set<string>();
  const sources: TailwindSource[] = [];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const content = readKitFile(path.join("components", `${name}.tsx`));
    if (content === null) continue;
    sources.push({ content, extension: "tsx" });
    for (const m of content.matchAll(KIT_IMPORT)) pending.push(m[1]!);
    for (const m of content.matchAll(KIT_LOCAL_IMPORT)) pending.push(m[1]!);
  }
  return sources;
}

export function usesKit(source: string): boolean {
  return /["']@\/components\/ui\/[a-z0-9-]+["']/.test(source);
}

async function styleReact(source: string, transpiled: string): Promise<StyledCode> {
  const kit = usesKit(source);
  const css = await compileTailwind({
    sources: [{ content: source, extension: "tsx" }, ...(kit ? kitSources(source) : [])],
    css: kit ? (readKitFile("theme.css") ?? undefined) : undefined,
  });
  return { code: rewriteFontUrls(transpiled), css };
}

async function styleHtml(html: string): Promise<StyledCode> {
  const tailwind = extractTailwind(html);
  if (!tailwind) return { code: rewriteFontUrls(html) };
  const config = readPlayCdnConfig(html);
  const sources = [{ content: html, extension: "html" }];
  let css: string;
  try {
    css = await compileTailwind({ sources, css: tailwind.css, config, plugins: tailwind.plugins });
  } catch (error) {
    // The page's own Tailwind CSS is broken (e.g. @apply of a class that does not exist): the
    // utilities it uses still work, and the reason is left where a curious author can find it.
    const reason = error instanceof Error ? error.message : String(error);
    css = `/* Tailwind could not compile this page's <style type="text/tailwindcss">: ${reason.replace(/\*\//g, "* /")} */\n`;
    css += await compileTailwind({ sources, config, plugins: tailwind.plugins });
  }
  return { code: rewriteFontUrls(insertStylesheet(tailwind.html, css)) };
}

async function style(kind: PreviewKind, source: string, code: string): Promise<StyledCode> {
  if (kind === "react") return styleReact(source, code);
  if (kind === "html") return styleHtml(code);
  if (kind === "javascript") return { code: rewriteFontUrls(code) };
  return { code };
}

const MAX_ENTRIES = 300;
type Cache = Map<string, Promise<StyledCode>>;
const globalForCache = globalThis as unknown as { __vitrineStyledCode?: Cache };
const cache: Cache = (globalForCache.__vitrineStyledCode ??= new Map());

/**
 * Styles one artifact for the preview. `source` is what the author wrote; `code` is what the frame
 * runs (the same, or React transpiled on the server). Cached by a hash of both.
 */
export function styleForPreview(
  kind: PreviewKind,
  source: string,
  code: string,
): Promise<StyledCode> {
  const key = createHash("sha256")
    .update(kind)
    .update("\0")
    .update(source)
    .update("\0")
    .update(code)
    .digest("hex");
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last, so the oldest entry is the one evicted.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const pending = style(kind, source, code);
  cache.set(key, pending);
  pending.catch(() => cache.delete(key));
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return pending;
}
