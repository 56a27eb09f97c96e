import "server-only";
import { markdownHtml } from "@/lib/markdown/html";
import { MarkdownHtml } from "./markdown-html";

/**
 * Markdown written by users, rendered on the server by lib/markdown/html.ts (which escapes it: raw
 * HTML shows as text, only safe links, no images loaded) and inserted as one string, so the page
 * ships no Markdown parser. Client components receive the HTML as data and use MarkdownHtml.
 */
export function Markdown({ source, className }: { source: string; className?: string }) {
  return <MarkdownHtml html={markdownHtml(source)} className={className} />;
}
