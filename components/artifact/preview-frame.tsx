"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { initialFrameHeight as initialHeight, nextFrameHeight } from "@/lib/preview/frame-height";
import {
  MIN_FRAME_HEIGHT,
  createRateLimiter,
  parseFrameMessage,
  renderMessage,
  type ParentMessage,
  type PreviewPayload,
} from "@/lib/preview/messages";

import {
  PING_EVERY_MS,
  watchdogAnswer,
  watchdogTick,
  type WatchState,
} from "@/lib/preview/watchdog";

// Must match PREVIEW_SANDBOX in lib/security-headers.ts (the CSP repeats it server-side).
const SANDBOX = "allow-scripts allow-forms allow-pointer-lock";

type Status = "loading" | "running" | "stopped" | "failed";

type Props = {
  /** The preview origin, passed from the server so it follows PREVIEW_ORIGIN at run time. */
  previewOrigin: string;
  payload: PreviewPayload;
  title: string;
  /**
   * In an embed page (/embed/<id>): fills its parent instead of following the artifact's height,
   * has no toolbar (the embed's own bar names it), and loads the embed shim, which any site may
   * frame (lib/security-headers.ts, previewContentSecurityPolicy).
   */
  embed?: boolean;
};

export function PreviewFrame({ previewOrigin, payload, title, embed = false }: Props) {
  const frameRef = useRef<HTMLIFrameElement>(null);
  const [generation, setGeneration] = useState(0);
  const [status, setStatus] = useState<Status>("loading");
  const [height, setHeight] = useState(() => initialHeight(payload.kind));
  const [announcement, setAnnouncement] = useState("");
  const [hadError, setHadError] = useState(false);
  const [pendingLink, setPendingLink] = useState<string | null>(null);

  const reload = useCallback(() => {
    setStatus("loading");
    setHeight(initialHeight(payload.kind));
    setAnnouncement("");
    setHadError(false);
    setPendingLink(null);
    setGeneration((g) => g + 1);
  }, [payload.kind]);

  useEffect(() => {
    let ready = false;
    let lastTick = Date.now();
    let nextPing = 1;
    const watch: WatchState = {
      bootedAt: Date.now(),
      ready: false,
      rendered: false,
      lastAnswer: Date.now(),
      missed: 0,
    };
    const allowLog = createRateLimiter(5, 10_000);
    const allowAnnounce = createRateLimiter(1, 5_000);

    const send = (message: ParentMessage) => {
      // The frame's origin is opaque ("null"), so it cannot be targeted by origin; it is identified
      // by its window instead, checked on every message we answer.
      frameRef.current?.contentWindow?.postMessage(message, "*");
    };

    const onMessage = (event: MessageEvent) => {
      const frameWindow = frameRef.current?.contentWindow;
      if (!frameWindow || event.source !== frameWindow || event.origin !== "null") return;
      const message = parseFrameMessage(event.data);
      if (!message) return;
      watchdogAnswer(watch, Date.now());
      switch (message.type) {
        case "ready":
        case "pong":
          // The frame may have said "ready" before this page hydrated; a pong means the same.
          if (ready) return;
          ready = true;
          watch.ready = true;
          send(renderMessage(payload));
          return;
        case "rendered":
          watch.rendered = true;
          setStatus((s) => (s === "loading" ? "running" : s));
          return;
        case "resize":
          setHeight((current) => nextFrameHeight(payload.kind, current, message.height));
          return;
        case "error":
          setStatus((s) => (s === "loading" ? "running" : s));
          setHadError(true);
          if (allowLog()) console.warn(`[preview] ${message.message}`);
          if (allowAnnounce()) setAnnouncement(`The preview reported an error: ${message.message}`);
          return;
        case "open-link":
          // Never opened by the frame itself: the person sees where it goes and decides.
          setPendingLink(message.url);
          return;
      }
    };

    // Heartbeat: a frame stuck in `while (true) {}` stops answering. Its process is not ours, so the
    // page keeps working; we notice the silence and take the frame down. A slow CPU only makes the
    // answers late: lib/preview/watchdog.ts decides which is which.
    const timer = window.setInterval(() => {
      const now = Date.now();
      const late = now - lastTick >= PING_EVERY_MS * 2;
      lastTick = now;
      const verdict = watchdogTick(
        watch,
        now,
        document.hidden ? "hidden" : late ? "late" : "on-time",
      );
      if (verdict !== "ok") {
        setStatus(verdict);
        window.clearInterval(timer);
        return;
      }
      send({ type: "ping", id: nextPing++ });
    }, PING_EVERY_MS);

    window.addEventListener("message", onMessage);
    send({ type: "ping", id: 0 });
    return () => {
      window.removeEventListener("message", onMessage);
      window.clearInterval(timer);
    };
  }, [payload, generation]);

  const frameVisible = status === "loading" || status === "running";

  return (
    <section
      aria-label="Live preview"
      className={
        embed
          ? "flex min-h-0 flex-1 flex-col overflow-hidden bg-white"
          : "overflow-hidden rounded-lg border border-zinc-200 bg-white"
      }
    >
      <div
        hidden={embed}
        className="flex items-center gap-3 border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-sm"
      >
        <span className="font-medium text-zinc-700">Preview</span>
        <span className="text-xs text-zinc-500" aria-hidden>
          {status === "loading"
            ? "Starting…"
            : status !== "running"
              ? "Stopped"
              : hadError
                ? "Reported an error"
                : "Running in a sandbox"}
        </span>
        <button
          type="button"
          onClick={reload}
          className="focus-visible:outline-brand-600 ml-auto rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2"
        >
          Reload
        </button>
      </div>
      {pendingLink && (
        <div
          role="dialog"
          aria-label="Open link from the preview"
          className="flex flex-wrap items-center gap-2 border-b border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          <span className="min-w-0 flex-1">
            The artifact wants to open{" "}
            <span className="font-mono text-xs break-all">{pendingLink}</span>. It is not part of
            Vitrine.
          </span>
          <a
            href={pendingLink}
            target="_blank"
            rel="noopener noreferrer nofollow ugc"
            referrerPolicy="no-referrer"
            onClick={() => setPendingLink(null)}
            className="rounded-md bg-amber-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-amber-700"
          >
            Open in new tab
          </a>
          <button
            type="button"
            onClick={() => setPendingLink(null)}
            className="rounded-md border border-amber-300 bg-white px-2.5 py-1 text-xs font-medium text-amber-900 hover:bg-amber-100"
          >
            Cancel
          </button>
        </div>
      )}
      <div
        className={embed ? "relative min-h-0 flex-1 bg-white" : "relative bg-white"}
        style={embed ? undefined : { height: Math.max(height, MIN_FRAME_HEIGHT) }}
      >
        {frameVisible && (
          <iframe
            key={generation}
            ref={frameRef}
            src={`${previewOrigin}/sandbox/v1${embed ? "?embed=1" : ""}`}
            title={`Preview of ${title}`}
            sandbox={SANDBOX}
            referrerPolicy="no-referrer"
            allow="fullscreen"
            // Asks a freshly loaded shim to answer, in case its "ready" came before we listened.
            onLoad={(e) =>
              e.currentTarget.contentWindow?.postMessage(
                { type: "ping", id: 0 } satisfies ParentMessage,
                "*",
              )
            }
            className="block size-full border-0 bg-white"
          />
        )}
        {status === "loading" && (
          <div className="pointer-events-none absolute inset-0 grid place-items-center bg-white text-sm text-zinc-500">
            <span className="flex items-center gap-2">
              <span
                aria-hidden
                className="size-3 animate-spin rounded-full border-2 border-zinc-300 border-t-zinc-600"
              />
              Starting preview…
            </span>
          </div>
        )}
        {(status === "stopped" || status === "failed") && (
          <div
            role="alert"
            className="absolute inset-0 grid place-items-center bg-zinc-50 p-6 text-center"
          >
            <div className="max-w-sm space-y-3">
              <p className="font-medium text-zinc-800">
                {status === "stopped"
                  ? "This preview stopped responding"
                  : "This preview did not start"}
              </p>
              <p className="text-sm text-zinc-600">
                {status === "stopped"
                  ? "Its code kept the browser busy (an endless loop, perhaps), so we stopped it. The rest of the page is fine."
                  : "The preview frame did not load. Check your connection and try again."}
              </p>
              <button
                type="button"
                onClick={reload}
                className="bg-brand-600 hover:bg-brand-700 rounded-md px-3 py-1.5 text-sm font-medium text-white"
              >
                Reload preview
              </button>
            </div>
          </div>
        )}
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </section>
  );
}
