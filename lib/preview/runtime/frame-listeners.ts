// The preview frame's window listeners: errors and policy violations go to the error panel, links
// go to the parent, and the body's height is reported as it changes. document.open() erases every
// listener, so the shim calls installListeners again after it (renderers.ts).
import { closeChannelsOut } from "./close-channels";
import { reportError } from "./error-panel";
import { describe, post } from "./frame-channel";

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

export function queueMeasure() {
  if (resizeQueued) return;
  resizeQueued = true;
  requestAnimationFrame(measure);
}

/** `onMessage` is the shim's handler of the parent's messages (the same function every time). */
export function installListeners(onMessage: (event: MessageEvent) => void) {
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
