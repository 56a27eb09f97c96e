// The preview frame's bootstrap, bundled at build time (scripts/build-preview-runtime.ts) and inlined into /sandbox/v1. It runs on the
// preview origin inside an opaque-origin sandbox. It tells the artifact page it is ready, receives
// the code by postMessage (only from its parent, only from the app origin), runs it, and reports
// errors and its height. It never fetches artifact code: the preview origin has no URL that returns
// any. Libraries come from the preview origin's vendored package set, through the document's import
// map (ES modules) or as classic scripts the server already pointed there.
//
// Artifact code runs in this same realm and may overwrite anything here; the parent therefore
// trusts nothing it hears from the frame beyond a strictly validated, clamped message.

import { closeChannelsOut } from "./close-channels";
import { missingPackagesMessage } from "../packages/missing";
import { applyStylesheet } from "./stylesheet";

type Kind = "html" | "svg" | "markdown" | "javascript" | "react";
type Extras = { scripts?: string[]; module?: boolean; missing?: string[]; css?: string };
type Payload = ({ kind: Kind; code: string } & Extras) | { kind: "error"; message: string };
/** `payload` only in the thumbnail renderer's copy of this document: render it at once. */
type Config = { appOrigin: string; runtimes: { markdown: string }; payload?: Payload };
type Incoming =
  | ({ type: "render"; language: Kind; code: string } & Extras)
  | { type: "fail"; message: string }
  | { type: "ping"; id: number };

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
const config = JSON.parse(document.getElementById("vitrine-config")?.textContent ?? "{}") as Config;
// A non-literal import() stays a real browser import (resolved through the import map), not bundled.
const importModule = (specifier: string): Promise<Record<string, unknown>> => import(specifier);
const MAX_REPORTED_ERRORS = 20;
let started = false;
let reportedErrors = 0;

function post(message: Record<string, unknown>) {
  // The parent is the app: say so, so nothing else can ever receive what the frame reports.
  try {
    parent.postMessage(message, config.appOrigin);
  } catch {
    // The parent navigated away or is not the app: nobody to tell.
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

// ---------- the error panel, inside the frame, in a shadow root so page CSS cannot hide it ----------
let panelList: HTMLElement | null = null;
let panelHost: HTMLElement | null = null;

function ensurePanel(): HTMLElement {
  if (panelList && panelHost?.isConnected) return panelList;
  panelHost = document.createElement("vitrine-error-panel");
  const root = panelHost.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = `
    :host { all: initial; position: fixed; left: 8px; right: 8px; top: 8px; z-index: 2147483647; }
    .box { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: #7f1d1d;
      background: #fef2f2; border: 1px solid #fca5a5; border-radius: 8px; padding: 8px 10px;
      box-shadow: 0 4px 16px rgba(0,0,0,.15); max-height: 40vh; overflow: auto; }
    .head { display: flex; justify-content: space-between; align-items: center; gap: 8px;
      font: 600 12px/1.4 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .04em; }
    button { font: 12px system-ui, sans-serif; border: 1px solid #fca5a5; background: #fff; color: #7f1d1d;
      border-radius: 6px; padding: 2px 8px; cursor: pointer; }
    ul { margin: 6px 0 0; padding: 0; list-style: none; }
    li { white-space: pre-wrap; word-break: break-word; }
    li + li { border-top: 1px solid #fecaca; margin-top: 4px; padding-top: 4px; }`;
  const box = document.createElement("div");
  box.className = "box";
  box.setAttribute("role", "alert");
  const head = document.createElement("div");
  head.className = "head";
  const label = document.createElement("span");
  label.textContent = "Error in this artifact";
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Dismiss";
  close.addEventListener("click", () => panelHost?.remove());
  head.append(label, close);
  panelList = document.createElement("ul");
  box.append(head, panelList);
  root.append(style, box);
  (document.body ?? document.documentElement).append(panelHost);
  return panelList;
}

function showError(message: string) {
  const list = ensurePanel();
  if (list.childElementCount >= MAX_REPORTED_ERRORS) return;
  const item = document.createElement("li");
  item.textContent = message;
  list.append(item);
}

function reportError(message: string) {
  const text = message.length > 2000 ? `${message.slice(0, 1999)}…` : message;
  showError(text);
  if (reportedErrors++ < MAX_REPORTED_ERRORS) post({ type: "error", message: text });
}

// ---------- listeners (re-installed after document.open(), which erases them) ----------
function onMessage(event: MessageEvent) {
  if (event.source !== parent || event.origin !== config.appOrigin) return;
  const data = event.data as Incoming | null;
  if (!data || typeof data !== "object") return;
  if (data.type === "ping" && typeof data.id === "number") post({ type: "pong", id: data.id });
  else if (data.type === "render" && !started && typeof data.code === "string") {
    started = true;
    void render(data.language, data.code, data);
  } else if (data.type === "fail" && !started && typeof data.message === "string") {
    started = true;
    reportError(data.message);
    post({ type: "rendered" });
  }
}

function onError(event: ErrorEvent) {
  const where = event.lineno ? ` (line ${event.lineno})` : "";
  reportError(event.error ? describe(event.error) : `${event.message || "Script error"}${where}`);
}

function onRejection(event: PromiseRejectionEvent) {
  reportError(`Unhandled promise rejection: ${describe(event.reason)}`);
}

function onViolation(event: SecurityPolicyViolationEvent) {
  // Outside images get a placeholder naming their URL (outside-images.ts), not an error.
  if (event.effectiveDirective === "img-src") return;
  const what = event.blockedURI || event.effectiveDirective;
  reportError(
    `Blocked by the preview's security policy (${event.effectiveDirective}): ${what}. Previews cannot use the network.`,
  );
}

// A link that would navigate the frame away (the app's frame-src forbids it anyway) goes to the
// page instead, which asks the person before opening it in a new tab without opener or referrer.
function onClick(event: MouseEvent) {
  if (event.defaultPrevented || event.button !== 0) return;
  const link = (event.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
  if (!link) return;
  const url = new URL(link.href, location.href);
  if (url.protocol !== "http:" && url.protocol !== "https:") return;
  const sameDocument =
    url.origin === location.origin && url.pathname === location.pathname && url.hash !== "";
  if (sameDocument) return;
  event.preventDefault();
  post({ type: "open-link", url: url.href });
}

let resizeObserver: ResizeObserver | null = null;
let lastHeight = 0;
let resizeQueued = false;

function measure() {
  resizeQueued = false;
  const body = document.body;
  if (!body) return;
  const margin = parseFloat(getComputedStyle(body).marginBottom) || 0;
  const height = Math.ceil(
    Math.max(body.scrollHeight, body.getBoundingClientRect().bottom + margin),
  );
  if (Math.abs(height - lastHeight) < 2) return;
  lastHeight = height;
  post({ type: "resize", height });
}

function queueMeasure() {
  if (resizeQueued) return;
  resizeQueued = true;
  requestAnimationFrame(measure);
}

function install() {
  closeChannelsOut();
  window.addEventListener("message", onMessage);
  window.addEventListener("error", onError);
  window.addEventListener("unhandledrejection", onRejection);
  window.addEventListener("click", onClick);
  document.addEventListener("securitypolicyviolation", onViolation);
  resizeObserver?.disconnect();
  resizeObserver = new ResizeObserver(queueMeasure);
  resizeObserver.observe(document.documentElement);
  if (document.body) resizeObserver.observe(document.body);
}

// ---------- runtimes ----------
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

function renderHtml(code: string) {
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

function renderSvg(code: string) {
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

async function renderMarkdown(code: string) {
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

function renderJavaScript(code: string, extras: Extras) {
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
  );
}

async function renderReact(code: string) {
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

async function render(language: Kind, code: string, extras: Extras = {}) {
  try {
    applyStylesheet(typeof extras.css === "string" ? extras.css : undefined);
    if (language === "html") renderHtml(code);
    else if (language === "svg") renderSvg(code);
    else if (language === "markdown") await renderMarkdown(code);
    else if (language === "javascript") renderJavaScript(code, extras);
    else if (language === "react") await renderReact(code);
    else reportError("This language has no live preview.");
  } catch (error) {
    reportError(describe(error));
  }
  // After the page's own scripts, so the sentence stays on top of what did run.
  if (extras.missing?.length) reportError(missingPackagesMessage(extras.missing));
  post({ type: "rendered" });
  document.documentElement.dataset.vitrineState = "rendered";
  queueMeasure();
}

if (config.payload) {
  // The thumbnail renderer: no parent page, the payload is in the document.
  install();
  started = true;
  const payload = config.payload;
  if (payload.kind === "error") {
    reportError(payload.message);
    document.documentElement.dataset.vitrineState = "rendered";
  } else void render(payload.kind, payload.code, payload);
} else if (window.parent === window) {
  // Opened top-level: still sandboxed (opaque origin, no network) and shows nothing but this note.
  document.body.textContent =
    "This is the Vitrine preview sandbox. Artifacts run here only inside their page on Vitrine.";
} else {
  install();
  post({ type: "ready" });
}
