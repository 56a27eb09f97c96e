// The preview frame's error panel, inside the frame, in a shadow root so page CSS cannot hide it;
// every error shown there is also reported to the parent (up to a limit).
import { post } from "./frame-channel";

const MAX_REPORTED_ERRORS = 20;
let reportedErrors = 0;
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

export function reportError(message: string) {
  const text = message.length > 2000 ? `${message.slice(0, 1999)}…` : message;
  showError(text);
  if (reportedErrors++ < MAX_REPORTED_ERRORS) post({ type: "error", message: text });
}
