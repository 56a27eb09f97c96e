// The preview frame's bootstrap, bundled at build time (scripts/build-preview-runtime.ts) and inlined into /sandbox/v1. It runs on the
// preview origin inside an opaque-origin sandbox. It tells the artifact page it is ready, receives
// the code by postMessage (only from its parent, only from the app origin), runs it, and reports
// errors and its height. It never fetches artifact code: the preview origin has no URL that returns
// any. Libraries come from the preview origin's vendored package set, through the document's import
// map (ES modules) or as classic scripts the server already pointed there.
//
// Artifact code runs in this same realm and may overwrite anything here; the parent therefore
// trusts nothing it hears from the frame beyond a strictly validated, clamped message.
//
// This file is the entry (the bundle's one IIFE): it answers the parent's messages and dispatches
// to the renderers. The channel (frame-channel.ts), the error panel (error-panel.ts), the window
// listeners (frame-listeners.ts) and the renderers (renderers.ts) are its modules.

import { missingPackagesMessage } from "../packages/missing";
import { reportError } from "./error-panel";
import { config, describe, post, type Extras, type Incoming, type Kind } from "./frame-channel";
import { installListeners, queueMeasure } from "./frame-listeners";
import { renderHtml, renderJavaScript, renderMarkdown, renderReact, renderSvg } from "./renderers";
import { applyStylesheet } from "./stylesheet";

let started = false;

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

// Listeners are re-installed after document.open(), which erases them (renderers.ts).
function install() {
  installListeners(onMessage);
}

async function render(language: Kind, code: string, extras: Extras = {}) {
  try {
    applyStylesheet(typeof extras.css === "string" ? extras.css : undefined);
    if (language === "html") renderHtml(code, install);
    else if (language === "svg") renderSvg(code);
    else if (language === "markdown") await renderMarkdown(code);
    else if (language === "javascript") renderJavaScript(code, extras, install);
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
