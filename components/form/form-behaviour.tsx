"use client";

import { useEffect, useRef, useState } from "react";
import type { ActionState } from "@/lib/actions";

// What every form of the kit does around its fields once JavaScript runs: after a refused submit
// it brings the first field in error into view and focus and lists the errors as links; with
// unsaved input it asks before the page is left. Rendered by FormMessage, so each form gets it
// from the one line it already has.

type Problem = { name: string; label: string; targetId: string | null };

function visible(el: Element): boolean {
  if (el instanceof HTMLInputElement && el.type === "hidden") return false;
  return (el as HTMLElement).getClientRects().length > 0;
}

/** The element a person should land on for a field: the visible control tied to it. */
export function fieldTarget(form: HTMLFormElement, name: string): HTMLElement | null {
  const candidates = Array.from(
    form.querySelectorAll<HTMLElement>(
      "input, textarea, select, [contenteditable='true'], [aria-describedby]",
    ),
  ).filter((el) => {
    const control = el as HTMLInputElement;
    if (control.name === name || el.id === name) return true;
    const described = el.getAttribute("aria-describedby")?.split(/\s+/) ?? [];
    return (
      described.includes(`${name}-error`) || described.some((d) => d.endsWith(`-${name}-error`))
    );
  });
  return candidates.find(visible) ?? null;
}

function byDocumentOrder(a: HTMLElement | null, b: HTMLElement | null) {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

function ensureId(el: HTMLElement, name: string): string {
  if (!el.id) el.id = `field-${name}`;
  return el.id;
}

/** The field's own name as the person reads it: its label (without "(optional)"…), else aria-label. */
function labelOf(el: HTMLElement | null, name: string): string {
  const labelled = el as HTMLInputElement | null;
  const label = labelled?.labels?.[0]?.textContent ?? el?.getAttribute("aria-label") ?? name;
  return label.replace(/\s*\(.*\)\s*$/, "").trim() || name;
}

function landOn(el: HTMLElement) {
  el.scrollIntoView({ block: "center" });
  el.focus({ preventScroll: true });
}

/** After each refused submit: the first field in error gets the view and focus; the list links to all of them. */
export function ErrorSummary({
  state,
  anchor,
}: {
  state: ActionState;
  anchor: React.RefObject<HTMLElement | null>;
}) {
  const [problems, setProblems] = useState<Problem[]>([]);
  useEffect(() => {
    // After the browser has laid out the re-rendered form (inputs re-mount with the echoed values).
    const frame = requestAnimationFrame(() => {
      const form = anchor.current?.closest("form");
      if (state.status !== "error" || !form) {
        setProblems([]);
        return;
      }
      const found = Object.entries(state.fieldErrors ?? {})
        .filter(([name, errors]) => name !== "form" && errors?.length)
        .map(([name]) => ({ name, el: fieldTarget(form, name) }))
        .sort((a, b) => byDocumentOrder(a.el, b.el));
      setProblems(
        found.map(({ name, el }) => ({
          name,
          label: labelOf(el, name),
          targetId: el ? ensureId(el, name) : null,
        })),
      );
      const first = found.find((p) => p.el)?.el;
      if (first) landOn(first);
      // A refusal with no field (a rate limit, a busy server): the sentence itself comes into view.
      else anchor.current?.scrollIntoView({ block: "center" });
    });
    return () => cancelAnimationFrame(frame);
  }, [state, anchor]);

  const linked = problems.filter((p) => p.targetId);
  if (linked.length === 0) return null;
  // Field names, not their messages: each message is already shown beside its field.
  return (
    <p data-testid="error-summary" className="mt-1">
      {linked.length > 1 ? "Fields to correct: " : "Field to correct: "}
      {linked.map((p, i) => (
        <span key={p.name}>
          {i > 0 && ", "}
          <a
            href={`#${p.targetId}`}
            className="font-medium underline"
            onClick={(e) => {
              const el = document.getElementById(p.targetId!);
              if (!el) return;
              e.preventDefault();
              landOn(el);
            }}
          >
            {p.label}
          </a>
        </span>
      ))}
    </p>
  );
}

export const LEAVE_WARNING = "You have unsaved changes in this form. Leave the page and lose them?";

/**
 * Asks before the page is left while the form holds input nobody submitted: a reload or a closed
 * tab (beforeunload) and a click on a link inside the app (checked in the capture phase, before
 * Next's router sees the click). A submit or a success clears it; a refusal sets it again.
 */
export function LeaveGuard({
  state,
  anchor,
}: {
  state: ActionState;
  /** An element inside the form; without one the guard renders its own marker. */
  anchor?: React.RefObject<HTMLElement | null>;
}) {
  const own = useRef<HTMLSpanElement>(null);
  const marker = anchor ?? own;
  const dirty = useRef(false);
  const typed = useRef(false);
  useEffect(() => {
    // A success saved it; a refusal means the typed input (echoed back) is still unsaved.
    if (state.status === "success") dirty.current = typed.current = false;
    else if (state.status === "error") dirty.current = typed.current;
  }, [state]);
  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    const markDirty = () => (dirty.current = typed.current = true);
    const submitted = () => (dirty.current = false);
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      e.preventDefault();
      e.returnValue = "";
    };
    const click = (e: MouseEvent) => {
      if (!dirty.current || e.defaultPrevented || e.button !== 0) return;
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!link || link.target === "_blank" || link.hasAttribute("download")) return;
      const to = new URL(link.href, location.href);
      if (to.origin !== location.origin) return; // beforeunload asks for those
      if (to.pathname === location.pathname && to.search === location.search) return; // same page
      if (window.confirm(LEAVE_WARNING)) {
        dirty.current = false;
        return;
      }
      e.preventDefault();
      e.stopPropagation();
    };
    form.addEventListener("input", markDirty);
    form.addEventListener("submit", submitted);
    window.addEventListener("beforeunload", beforeUnload);
    window.addEventListener("click", click, true);
    return () => {
      form.removeEventListener("input", markDirty);
      form.removeEventListener("submit", submitted);
      window.removeEventListener("beforeunload", beforeUnload);
      window.removeEventListener("click", click, true);
    };
  }, [marker]);
  return anchor ? null : <span ref={own} hidden />;
}

/** "87 / 120" under a limited field, red and saying how much over once past the limit. */
export function CharCounter({ inputId, max }: { inputId: string; max: number }) {
  const [length, setLength] = useState<number | null>(null);
  useEffect(() => {
    // Listens on the document: forms re-mount their inputs with the server's echo after a refusal.
    const read = () => {
      const el = document.getElementById(inputId) as HTMLInputElement | null;
      setLength(el?.value.length ?? 0);
    };
    const onInput = (e: Event) => {
      if ((e.target as Element | null)?.id === inputId) read();
    };
    read();
    document.addEventListener("input", onInput);
    return () => document.removeEventListener("input", onInput);
  });
  const over = (length ?? 0) - max;
  return (
    <p
      id={`${inputId}-count`}
      data-testid={`${inputId}-count`}
      className={`text-right text-xs tabular-nums ${over > 0 ? "font-medium text-red-700" : "text-zinc-500"}`}
    >
      {length === null
        ? `Up to ${max.toLocaleString("en")} characters`
        : `${length.toLocaleString("en")} / ${max.toLocaleString("en")}`}
      {over > 0 && ` — ${over.toLocaleString("en")} over the limit`}
    </p>
  );
}
