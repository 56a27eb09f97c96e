// Closes the preview frame's channels out that CSP does not govern, before any artifact code runs
// (SECURITY.md "no channel out"). The CSP header already refuses every request to another origin;
// what it cannot refuse is done here:
// - WebRTC: ICE sends UDP to any STUN/TURN address the page names, and no CSP directive stops it
//   (Chromium 156 ignores the proposed `webrtc 'block'` directive as unrecognised). Its constructors
//   are replaced by non-configurable `undefined`, so feature detection says "no WebRTC".
// - Child frames: each has a fresh realm with its own RTCPeerConnection. A nested frame inherits the
//   sandbox, so its origin is opaque and this realm cannot reach into it; code can only get in by
//   `srcdoc` or a `javascript:` URL (frame-src 'none' refuses every fetched URL, blob: and data:
//   included). So every srcdoc starts with this same guard, and javascript: frame URLs are dropped.
//   A frame inside a *declarative* shadow root (<template shadowrootmode>) would hide from the
//   observer below (a closed root cannot be reached at all), so HTML this realm parses from strings
//   (document.write, which also renders HTML artifacts, setHTMLUnsafe, parseHTMLUnsafe, srcdoc)
//   loses that attribute: such a template stays an inert <template>.
// Not closable from here: a meta refresh, `location = …` or a form submission aimed at another host is
// refused by the app's frame-src (no HTTP request leaves), but Chromium has already resolved the name
// and opened a TCP connection for it; the Navigation API that could cancel it first is disabled in
// opaque-origin documents (navigation.currentEntry is null and no navigate event fires).
// The function is self-contained (no imports, no outer variables): its source is injected as is.
import { showOutsideImagesAsPlaceholders } from "./outside-images";

export function guardRealm(): void {
  const w = window as unknown as Record<string, unknown> & Window;
  if (w.__vitrineGuarded) return;
  Object.defineProperty(w, "__vitrineGuarded", { value: true });

  const closed = [
    "RTCPeerConnection",
    "webkitRTCPeerConnection",
    "RTCDataChannel",
    "RTCSessionDescription",
    "RTCIceCandidate",
    "RTCRtpSender",
    "RTCRtpReceiver",
    "RTCRtpTransceiver",
    "RTCDtlsTransport",
    "RTCIceTransport",
    "RTCSctpTransport",
    "RTCCertificate",
    "RTCDTMFSender",
    "RTCRtpScriptTransform",
    "RTCEncodedAudioFrame",
    "RTCEncodedVideoFrame",
    "WebTransport",
  ];
  for (const name of closed) {
    try {
      Object.defineProperty(w, name, {
        value: undefined,
        writable: false,
        configurable: false,
        enumerable: false,
      });
    } catch {
      // Already non-configurable: nothing this realm can do about it.
    }
  }

  const inert = (html: unknown) =>
    String(html).replace(/(?<!data-inert-)shadowroot(mode)?(?=\s*=)/gi, "data-inert-$&");
  const proto = <T extends object>(o: T) =>
    o as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const [target, name] of [
    [Document.prototype, "write"],
    [Document.prototype, "writeln"],
    [Element.prototype, "setHTMLUnsafe"],
    [ShadowRoot.prototype, "setHTMLUnsafe"],
  ] as const) {
    const original = proto(target)[name];
    if (typeof original !== "function") continue;
    proto(target)[name] = function (this: unknown, ...args: unknown[]) {
      return original.apply(
        this,
        args.map((a, i) => (i === 0 || name.startsWith("write") ? inert(a) : a)),
      );
    };
  }
  const parseHTMLUnsafe = proto(Document).parseHTMLUnsafe;
  if (typeof parseHTMLUnsafe === "function") {
    proto(Document).parseHTMLUnsafe = (html: unknown, ...rest: unknown[]) =>
      parseHTMLUnsafe.call(Document, inert(html), ...rest);
  }

  const guard = `<script>(${guardRealm.toString()})()</scr` + "ipt>";
  const isFrame = (node: Node): node is HTMLIFrameElement =>
    node.nodeType === 1 &&
    ((node as Element).localName === "iframe" || (node as Element).localName === "frame");
  const guardFrame = (frame: HTMLIFrameElement) => {
    const src = frame.getAttribute("src");
    // The URL parser ignores tabs and newlines anywhere and spaces/controls at the ends.
    if (
      src !== null &&
      /^javascript:/i.test(src.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, ""))
    )
      frame.removeAttribute("src");
    const raw = frame.getAttribute("srcdoc");
    if (raw === null) return;
    // Idempotent, so the mutation our own rewrite causes changes nothing more.
    const doc = inert(raw.replace(guard, ""));
    const doctype = /^\s*<!doctype[^>]*>/i.exec(doc);
    const next = doctype ? doctype[0] + guard + doc.slice(doctype[0].length) : guard + doc;
    if (next !== raw) frame.setAttribute("srcdoc", next);
  };
  const sweep = (root: Node) => {
    if (isFrame(root)) guardFrame(root);
    (root as ParentNode)
      .querySelectorAll?.("iframe,frame")
      .forEach((f) => guardFrame(f as HTMLIFrameElement));
  };
  // Mutation records arrive as a microtask, before a new frame's document can load (that takes a task).
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "attributes") sweep(record.target);
      else record.addedNodes.forEach(sweep);
    }
  });
  const watch = (root: Node) => {
    observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["src", "srcdoc"],
    });
    sweep(root);
  };
  watch(document);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    watch(root);
    return root;
  };
}

/** Everything the frame does to keep artifact code from reaching out or misleading its viewer. */
export function closeChannelsOut(): void {
  guardRealm();
  showOutsideImagesAsPlaceholders();
}
