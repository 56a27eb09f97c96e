// Markdown written by users (bios, descriptions, comments, chat) as an HTML string, rendered on the
// server so no Markdown parser ships to the browser. Text is text: raw HTML shows as its literal
// text (remarkHtmlAsText, issue 16); links keep only http(s)/mailto (anything else, javascript:
// included, loses its href and renders as plain text); images are never loaded: an https image
// becomes a link to it (the app CSP allows images from our own origin only, and an outside image
// would tell its host who read the page); other image URLs are dropped. hast-util-to-html escapes
// every text and attribute value.
import type { Element, ElementContent, Root, RootContent } from "hast";
import { toHtml } from "hast-util-to-html";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { Lru } from "@/domain/diff/lru";
import { remarkHtmlAsText } from "./html-as-text";

const SAFE_LINK = /^(https?:|mailto:)/i;
const LINK_CLASS = ["text-brand-700", "hover:text-brand-800", "underline"];
const LINK_REL = ["ugc", "nofollow", "noopener", "noreferrer"];

/** An href we keep, or "" for one we drop. Relative links and #fragments stay on our site. */
export function safeHref(url: string): string {
  const value = url.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return SAFE_LINK.test(value) ? value : "";
  return value.startsWith("//") ? "" : value;
}

/** Classes per element, the site's look for Markdown (headings are quiet: a comment is no page). */
const CLASSES: Record<string, string[]> = {
  pre: ["overflow-x-auto", "rounded", "bg-zinc-100", "p-3", "text-sm"],
  code: ["rounded", "bg-zinc-100", "px-1", "py-0.5", "font-mono", "text-[0.9em]"],
  ul: ["list-disc", "space-y-1", "pl-5"],
  ol: ["list-decimal", "space-y-1", "pl-5"],
  blockquote: ["border-l-4", "border-zinc-200", "pl-3", "text-zinc-600"],
};

function link(href: string, children: ElementContent[]): Element {
  return {
    type: "element",
    tagName: "a",
    properties: { href, rel: LINK_REL, target: "_blank", className: LINK_CLASS },
    children,
  };
}

/** One node as the site shows it, or null to drop it. */
function transform(node: RootContent): RootContent | null {
  if (node.type !== "element") return node;
  const children = transformAll(node.children) as ElementContent[];
  const { tagName, properties } = node;
  if (tagName === "a") {
    const href = typeof properties.href === "string" ? safeHref(properties.href) : "";
    return href ? link(href, children) : { ...node, tagName: "span", properties: {}, children };
  }
  if (tagName === "img") {
    const src = typeof properties.src === "string" ? properties.src.trim() : "";
    if (!/^https:\/\//i.test(src)) return null;
    const alt = typeof properties.alt === "string" ? properties.alt.trim() : "";
    let name = alt;
    if (!name) {
      try {
        name = new URL(src).host;
      } catch {
        return null;
      }
    }
    return link(src, [{ type: "text", value: `Image: ${name}` }]);
  }
  if (tagName === "h1" || tagName === "h2" || tagName === "h3")
    return { ...node, tagName: "p", properties: { className: ["font-semibold"] }, children };
  const className = CLASSES[tagName];
  // Code blocks keep their language class off: nothing highlights it, and it is the author's text.
  if (className) return { ...node, properties: { className }, children };
  return { ...node, children };
}

function transformAll(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (const n of nodes) {
    const t = transform(n);
    if (t) out.push(t);
  }
  return out;
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkHtmlAsText).use(remarkRehype);

// Comments and descriptions are read far more often than written: keep recent renders by source.
const rendered = new Lru<string, string>(1_000);

/** The Markdown as safe HTML (the inside of the caller's wrapper). */
export function markdownHtml(source: string): string {
  const hit = rendered.get(source);
  if (hit !== undefined) return hit;
  const tree = processor.runSync(processor.parse(source)) as Root;
  const html = toHtml(
    { type: "root", children: transformAll(tree.children) },
    { characterReferences: { useNamedReferences: true } },
  );
  rendered.set(source, html);
  return html;
}
