// Browser code for thumbnail rendering, bundled once per process by esbuild (lib/thumbnails/bundle.ts)
// and inlined into the offline page Chromium screenshots. It exposes React (for JSX/TSX artifacts)
// and react-markdown (for Markdown ones) to the page; no network is ever used.
import * as React from "react";
import * as ReactDOMClient from "react-dom/client";
import * as JsxRuntime from "react/jsx-runtime";
import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";

const modules: Record<string, unknown> = {
  react: React,
  "react-dom/client": ReactDOMClient,
  "react/jsx-runtime": JsxRuntime,
};

declare global {
  interface Window {
    __vitrineRender: { react: (code: string) => void; markdown: (source: string) => void };
  }
}

function root() {
  return ReactDOMClient.createRoot(document.getElementById("root")!);
}

window.__vitrineRender = {
  // `code` is CommonJS produced by sucrase on the server; only the modules above can be required.
  react(code: string) {
    const mod = { exports: {} as Record<string, unknown> };
    const require = (name: string) => {
      if (!(name in modules)) throw new Error(`Cannot import "${name}" in a thumbnail`);
      return modules[name];
    };
    new Function("require", "module", "exports", "React", code)(require, mod, mod.exports, React);
    const Component = (mod.exports.default ?? Object.values(mod.exports).find((v) => typeof v === "function")) as
      | React.ComponentType
      | undefined;
    if (!Component) throw new Error("No default-exported component");
    root().render(React.createElement(Component));
  },
  markdown(source: string) {
    root().render(
      React.createElement(
        "article",
        { className: "markdown" },
        React.createElement(Markdown, { remarkPlugins: [remarkGfm], skipHtml: true }, source),
      ),
    );
  },
};
