"use client";

import { useState, useTransition } from "react";
import { suggestAction } from "@/app/(account)/new/suggest-actions";
import { firstUserMessage, suggestFromCode, type Suggestion } from "@/domain/suggest/suggest";

type Field = "title" | "description";
type Offer = { field: Field; value: string };

function field(form: HTMLFormElement, name: string) {
  return form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null;
}

/** The chat's first user message from the pasted transcript, or from the uploaded file. */
async function chatMessage(form: HTMLFormElement): Promise<string | null> {
  const file = (field(form, "chat_file") as HTMLInputElement | null)?.files?.[0];
  const text =
    file && file.size <= 2_097_152 ? await file.text() : (field(form, "chat")?.value ?? "");
  return firstUserMessage(text);
}

/**
 * "Suggest": fills an empty title and description from the code and the chat. What the author
 * already typed is never replaced without asking: a different suggestion for a filled field is
 * offered with its own "Use" button. Publishing never waits for this.
 */
export function SuggestButton() {
  const [pending, startTransition] = useTransition();
  const [note, setNote] = useState<string | null>(null);
  const [offers, setOffers] = useState<Offer[]>([]);
  const [form, setForm] = useState<HTMLFormElement | null>(null);

  const apply = (target: HTMLFormElement, suggestion: Suggestion, source: string) => {
    const next: Offer[] = [];
    const filled: string[] = [];
    for (const name of ["title", "description"] as const) {
      const value = suggestion[name];
      const input = field(target, name);
      if (!value || !input) continue;
      if (!input.value.trim()) {
        input.value = value;
        filled.push(name);
      } else if (input.value.trim() !== value) next.push({ field: name, value });
    }
    setOffers(next);
    setNote(
      filled.length
        ? `Filled the ${filled.join(" and ")} ${source}.`
        : next.length
          ? "You already typed these; here is a suggestion for each."
          : "Nothing to suggest yet: add code with a title or heading, or paste the chat.",
    );
  };

  const suggest = (button: HTMLButtonElement) => {
    const target = button.form;
    if (!target) return;
    setForm(target);
    startTransition(async () => {
      const code = field(target, "code")?.value ?? "";
      const language = field(target, "language")?.value ?? "html";
      const message = await chatMessage(target);
      const input = {
        code: code.slice(0, 1_000_000),
        language,
        firstUserMessage: message?.slice(0, 20_000) ?? null,
      };
      try {
        const result = await suggestAction(input);
        if (result.status === "success" && result.data) {
          const data = result.data as Suggestion & { source: "model" | "local" };
          return apply(
            target,
            data,
            data.source === "model" ? "with the model's suggestion" : "from your code and chat",
          );
        }
      } catch {
        // Offline or the server said no: the same suggestion is made here.
      }
      apply(target, suggestFromCode(input), "from your code and chat");
    });
  };

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-dashed border-zinc-300 bg-white px-3 py-2 text-sm">
      <button
        type="button"
        onClick={(e) => suggest(e.currentTarget)}
        disabled={pending}
        className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 font-medium hover:bg-zinc-50 disabled:opacity-60"
      >
        {pending ? "Suggesting…" : "Suggest"}
      </button>
      <span className="text-zinc-600">a title and description from your code and chat.</span>
      <p aria-live="polite" className="w-full text-zinc-700 empty:hidden">
        {note}
      </p>
      {offers.map((offer) => (
        <p key={offer.field} className="flex w-full flex-wrap items-baseline gap-2 text-zinc-700">
          <span className="font-medium capitalize">{offer.field}:</span>
          <span className="min-w-0 break-words">“{offer.value}”</span>
          <button
            type="button"
            className="text-brand-700 underline"
            onClick={() => {
              const input = form && field(form, offer.field);
              if (input) input.value = offer.value;
              setOffers((all) => all.filter((o) => o !== offer));
            }}
          >
            Use this {offer.field}
          </button>
        </p>
      ))}
    </div>
  );
}
