// How the preview frame renders each language: HTML and scripts as a page of their own, SVG as an
// image, Markdown through our markdown runtime, React as an ES module through the import map.
import { reportError } from "./error-panel";
import { config, describe, type Extras } from "./frame-channel";

type VitrineWindow = Window & {
  __vitrineAfterOpen?: () => void;
  __vitrineMarkdown?: {
    render(el: Element, markdown: string, onError: (e: unknown) => void): void;
  };
  React?: unknown;
};
type ReactModule = { createElement: (...args: unknown[]) => unknown };
type ReactDOMClient = {
  createRoot(
    el: Element,
    options?: { onUncaughtError?: (e: unknown) => void },
  ): { render(node: unknown): void };
};

const w = window as unknown as VitrineWindow;
// A non-literal import() stays a real browser import (resolved through the import map), not bundled.
const importModule = (specifier: string): Promise<Record<string, unknown>> => import(specifier);

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () =>
      reject(new Error("The preview runtime could not be loaded. Reload to try again."));
    document.head.append(script);
  });
}

function baseStyle(css: string) {
  const style = document.createElement("style");
  style.textContent = css;
  document.head.append(style);
}

/** `install` puts the frame's listeners back (the shim's own install, the same function every time). */
export function renderHtml(code: string, install: () => void) {
  // document.open() erases every listener, including ours: the first thing the written document
  // runs is a call that puts them back, before any artifact script can throw. The import map of
  // this document stays with the window (a page's own map is merged into it by the browser).
  w.__vitrineAfterOpen = install;
  const boot = `<script>window.__vitrineAfterOpen&&window.__vitrineAfterOpen()</script>`;
  const doctype = /^\s*<!doctype[^>]*>/i.exec(code);
  const html = doctype
    ? `${doctype[0]}${boot}${code.slice(doctype[0].length)}`
    : `<!doctype html>${boot}${code}`;
  document.open();
  document.write(html);
  document.close();
  install();
}

export function renderSvg(code: string) {
  let svg = code.trim();
  // Without the namespace an SVG file is not an image; hand-written ones often leave it out. The
  // root tag may follow an XML prolog, a doctype or comments.
  const root =
    /^((?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>))*\s*)<svg\b([^>]*)/i.exec(svg);
  if (root && !/\sxmlns=/i.test(root[2]!))
    svg = `${root[1]}<svg xmlns="http://www.w3.org/2000/svg"${svg.slice(root[0].length - root[2]!.length)}`;
  const parsed = new DOMParser().parseFromString(svg, "image/svg+xml");
  const problem = parsed.querySelector("parsererror");
  if (problem || parsed.documentElement.localName !== "svg") {
    const detail = problem?.textContent?.trim().split("\n")[0] ?? "the root element is not <svg>";
    throw new Error(`This SVG could not be displayed: ${detail}`);
  }
  baseStyle(`html,body{margin:0;height:100%;background:#fff}html{box-sizing:border-box;padding:16px}
    body{display:flex;align-items:center;justify-content:center}
    img{display:block;width:100%;height:100%;object-fit:contain}`);
  // As an image: scaled to fit, and any script inside the SVG never runs.
  const img = document.createElement("img");
  img.alt = "";
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  img.onerror = () => reportError("This SVG could not be displayed as an image.");
  document.body.append(img);
}

export async function renderMarkdown(code: string) {
  baseStyle(`body{margin:0;padding:20px 24px;font:16px/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;color:#18181b;background:#fff;overflow-wrap:anywhere}
    h1,h2,h3{line-height:1.25;margin:1.2em 0 .5em}h1{font-size:1.8em}h2{font-size:1.4em}h3{font-size:1.15em}
    :first-child{margin-top:0}p,ul,ol,pre,table,blockquote{margin:0 0 1em}
    code{font:0.9em ui-monospace,SFMono-Regular,Menlo,monospace;background:#f4f4f5;border-radius:4px;padding:.1em .3em}
    pre{background:#f4f4f5;border-radius:8px;padding:12px;overflow:auto}pre code{background:none;padding:0}
    blockquote{border-left:3px solid #d4d4d8;padding-left:12px;color:#52525b}
    table{border-collapse:collapse}td,th{border:1px solid #d4d4d8;padding:4px 8px}img{max-width:100%}a{color:#2563eb}`);
  await loadScript(config.runtimes.markdown);
  const root = document.createElement("main");
  document.body.append(root);
  w.__vitrineMarkdown!.render(root, code, (e) => reportError(describe(e)));
}

export function renderJavaScript(code: string, extras: Extras, install: () => void) {
  // Written as a page of its own, so the script runs while the document parses, with
  // document.body as its root, and DOMContentLoaded / load still fire after it, as in a real page.
  // "</script" cannot end a script body; "<\/script" means the same inside any JS string or regex.
  // A global-mode p5 sketch gets p5 first (it starts the sketch on load); a module keeps its imports.
  const body = code.replace(/<\/script/gi, "<\\/script");
  const libraries = (extras.scripts ?? [])
    .map((src) => `<script src="${src.replace(/"/g, "&quot;")}"></script>`)
    .join("");
  const style = extras.scripts?.length
    ? "html,body{margin:0;padding:0}canvas{display:block}"
    : "body{margin:8px;font-family:system-ui,sans-serif}";
  renderHtml(
    `<!doctype html><html><head><meta charset="utf-8"><style>${style}</style>${libraries}</head><body><script${extras.module ? ' type="module"' : ""}>${body}</script></body></html>`,
    install,
  );
}

export async function renderReact(code: string) {
  baseStyle("body{margin:0;font-family:system-ui,sans-serif}");
  // The artifact is an ES module: its imports resolve through the import map to the vendored
  // set, sharing this one React. Artifacts that use React.* without importing it find it global.
  const [react, client] = await Promise.all([
    importModule("react"),
    importModule("react-dom/client"),
  ]);
  const React = (react.default ?? react) as ReactModule;
  w.React = React;
  const url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
  const exported = await importModule(url);
  const component =
    exported.default ??
    exported.App ??
    Object.values(exported).find((v) => typeof v === "function" && /^[A-Z]/.test(v.name));
  if (typeof component !== "function" && (typeof component !== "object" || component === null)) {
    throw new Error(
      "This React artifact has no default export. Export your component: export default function App() { … }",
    );
  }
  const root = document.createElement("div");
  root.id = "root";
  document.body.append(root);
  (client as unknown as ReactDOMClient)
    .createRoot(root, { onUncaughtError: (e) => reportError(describe(e)) })
    .render(React.createElement(component));
}
