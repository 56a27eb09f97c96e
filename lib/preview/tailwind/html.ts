// How an HTML artifact asks for Tailwind, and how its page changes when we compile it instead:
// - the play CDN (`<script src="https://cdn.tailwindcss.com">`, v4's `@tailwindcss/browser`) or a
//   prebuilt Tailwind stylesheet from a CDN link is removed, and the compiled CSS takes its place;
// - `<style type="text/tailwindcss">` blocks (@theme, @apply, @layer) become compile input;
// - a `tailwind.config = {…}` script stays (it is harmless) with a stub `tailwind` global before it.
// Pages that do none of these keep their own CSS untouched: preflight would restyle them.

const TAILWIND_URL =
  /(?:https?:)?\/\/(?:cdn\.tailwindcss\.com|(?:cdn\.jsdelivr\.net\/npm|unpkg\.com)\/(?:tailwindcss|@tailwindcss\/browser)[@/]|cdnjs\.cloudflare\.com\/ajax\/libs\/tailwindcss\/)/i;
const SCRIPT_WITH_SRC = /<script\b[^>]*\bsrc\s*=\s*(["']?)([^"'\s>]+)\1[^>]*>\s*<\/script\s*>/gi;
const LINK = /<link\b[^>]*\bhref\s*=\s*(["']?)([^"'\s>]+)\1[^>]*>/gi;
const TAILWIND_STYLE =
  /<style\b[^>]*\btype\s*=\s*(["']?)text\/tailwindcss\1[^>]*>([\s\S]*?)<\/style\s*>/gi;

const MARKER = "<!--vitrine:tailwind-->";

export type TailwindHtml = {
  /** The page with Tailwind's tags removed and one marker where the compiled CSS goes. */
  html: string;
  /** The CSS of its `text/tailwindcss` blocks, in order. */
  css: string;
  /** Official plugins the play-CDN URL asks for (`?plugins=forms,typography`), as package ids. */
  plugins: string[];
};

/** `https://cdn.tailwindcss.com?plugins=forms,typography@0.5` → the plugins' package ids. */
function playCdnPlugins(src: string): string[] {
  const query = src.split("?")[1] ?? "";
  const list = new URLSearchParams(query).get("plugins") ?? "";
  return list
    .split(",")
    .map((name) => name.trim().replace(/@.*$/, ""))
    .filter((name) => /^[a-z-]+$/.test(name))
    .map((name) => `@tailwindcss/${name}`);
}

export function isTailwindUrl(url: string): boolean {
  return TAILWIND_URL.test(url);
}

/** Applies `edit` to the page outside its HTML comments, where a mention of a tag is not a tag. */
function outsideComments(html: string, edit: (part: string) => string): string {
  return html
    .split(/(<!--[\s\S]*?-->)/)
    .map((part, i) => (i % 2 === 1 ? part : edit(part)))
    .join("");
}

/** Null when the page does not use Tailwind (no play CDN, no CDN stylesheet, no text/tailwindcss). */
export function extractTailwind(html: string): TailwindHtml | null {
  let placed = false;
  const place = () => {
    if (placed) return "";
    placed = true;
    return MARKER;
  };
  let found = false;
  const blocks: string[] = [];
  const plugins: string[] = [];
  const out = outsideComments(html, (part) =>
    part
      .replace(SCRIPT_WITH_SRC, (tag, _q, src: string) => {
        if (!isTailwindUrl(src)) return tag;
        found = true;
        plugins.push(...playCdnPlugins(src));
        // Scripts after it may still set `tailwind.config`; give them an object to write to.
        return `${place()}<script>window.tailwind=window.tailwind||{config:{}}</script>`;
      })
      .replace(LINK, (tag, _q, href: string) => {
        if (!/\brel\s*=\s*["']?stylesheet/i.test(tag) || !isTailwindUrl(href)) return tag;
        found = true;
        return place();
      })
      .replace(TAILWIND_STYLE, (_tag, _q, css: string) => {
        found = true;
        blocks.push(css);
        return place();
      }),
  );
  if (!found) return null;
  return { html: out, css: blocks.join("\n"), plugins };
}

/** The compiled stylesheet, put where the page asked for Tailwind. */
export function insertStylesheet(html: string, css: string): string {
  // "</style" inside the CSS (in a string) must not end the element; `\/` means `/` in CSS.
  const style = `<style data-vitrine="tailwind">${css.replace(/<\/style/gi, "<\\/style")}</style>`;
  return html.replace(MARKER, () => style);
}
