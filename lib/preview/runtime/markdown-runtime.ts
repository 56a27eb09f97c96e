// Bundled by esbuild into /sandbox/runtime/markdown.js and loaded inside the preview frame.
// react-markdown never renders raw HTML (no rehype-raw) and drops javascript: links, so Markdown
// cannot run script even before the sandbox gets a say.
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

Object.assign(window, {
  __vitrineMarkdown: {
    render(container: Element, markdown: string, onError: (error: unknown) => void) {
      createRoot(container, { onUncaughtError: onError }).render(
        createElement(ReactMarkdown, { remarkPlugins: [remarkGfm] }, markdown),
      );
    },
  },
});
