import Markdown_ from "react-markdown";
import remarkGfm from "remark-gfm";
import type { Components, UrlTransform } from "react-markdown";
import { remarkHtmlAsText } from "./html-as-text";

// Markdown written by users (bios, descriptions, comments, chat). Text is text: raw HTML shows as
// its literal text (remarkHtmlAsText); links keep only http(s)/mailto (anything else, javascript:
// included, loses its href and renders as plain text); images are never loaded: an https image
// becomes a link to it (the app CSP allows images from our own origin only, and an outside image
// would tell its host who read the page); other image URLs are dropped. Server- and client-safe.

const SAFE_LINK = /^(https?:|mailto:)/i;

export const safeUrl: UrlTransform = (url, key, node) => {
  const value = url.trim();
  if (node.tagName === "img") return /^https:\/\//i.test(value) ? value : "";
  if (key === "href") {
    // Relative links and #fragments stay on our site; everything with a scheme must be allow-listed.
    if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return SAFE_LINK.test(value) ? value : "";
    return value.startsWith("//") ? "" : value;
  }
  return "";
};

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a
        href={href}
        rel="ugc nofollow noopener noreferrer"
        target="_blank"
        className="text-brand-700 hover:text-brand-800 underline"
      >
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a
        href={src}
        rel="ugc nofollow noopener noreferrer"
        target="_blank"
        className="text-brand-700 hover:text-brand-800 underline"
      >
        {`Image: ${alt?.trim() || new URL(src).host}`}
      </a>
    ) : null,
  h1: ({ children }) => <p className="font-semibold">{children}</p>,
  h2: ({ children }) => <p className="font-semibold">{children}</p>,
  h3: ({ children }) => <p className="font-semibold">{children}</p>,
  pre: ({ children }) => (
    <pre className="overflow-x-auto rounded bg-zinc-100 p-3 text-sm">{children}</pre>
  ),
  code: ({ children }) => (
    <code className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.9em]">{children}</code>
  ),
  ul: ({ children }) => <ul className="list-disc space-y-1 pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="list-decimal space-y-1 pl-5">{children}</ol>,
  blockquote: ({ children }) => (
    <blockquote className="border-l-4 border-zinc-200 pl-3 text-zinc-600">{children}</blockquote>
  ),
};

export function Markdown({ source, className }: { source: string; className?: string }) {
  return (
    <div className={["space-y-2 break-words", className].filter(Boolean).join(" ")}>
      <Markdown_
        remarkPlugins={[remarkGfm, remarkHtmlAsText]}
        urlTransform={safeUrl}
        components={components}
      >
        {source}
      </Markdown_>
    </div>
  );
}
