"use client";

import { useEffect, useId, useState } from "react";
import { CATEGORIES, CATEGORY_LABELS, TAGS_PER_ARTIFACT } from "@/domain/tags/tags";
import { FieldError, fieldInvalid, inputClass, keptValue } from "@/components/form/form";
import type { ActionState } from "@/lib/actions";

/**
 * Popular public tags for the tag being typed (the part after the last comma), as whole-field
 * values for a native <datalist>: the browser's own accessible suggestion list, and a plain text
 * field before JavaScript loads.
 */
function useTagSuggestions(value: string): string[] {
  // Keyed by the prefix they answer, so a stale answer never shows for a newer prefix.
  const [answer, setAnswer] = useState<{ prefix: string; tags: string[] }>({
    prefix: "",
    tags: [],
  });
  const cut = value.lastIndexOf(",");
  const head = cut >= 0 ? `${value.slice(0, cut + 1).trimEnd()} ` : "";
  const prefix = value
    .slice(cut + 1)
    .trim()
    .toLowerCase();
  useEffect(() => {
    if (!prefix) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/tags?prefix=${encodeURIComponent(prefix)}`, { signal: controller.signal })
        .then((r) => (r.ok ? r.json() : { tags: [] }))
        .then((body: { tags?: string[] }) => setAnswer({ prefix, tags: body.tags ?? [] }))
        .catch(() => {}); // suggestions are a convenience: no answer, no list
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [prefix]);
  const taken = new Set(head.split(",").map((t) => t.trim().toLowerCase()));
  const options = answer.prefix === prefix ? answer.tags : [];
  return options.filter((t) => !taken.has(t)).map((t) => `${head}${t}`);
}

/** Tags (comma-separated, with suggestions) and the category, for the publish and settings forms. */
export function TagsAndCategoryFields({
  state,
  tags = "",
  category = "general",
}: {
  state: ActionState;
  tags?: string;
  category?: string;
}) {
  const listId = useId();
  const [value, setValue] = useState(keptValue(state, "tags", tags));
  const suggestions = useTagSuggestions(value);
  return (
    <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
      <div className="space-y-1.5">
        <label htmlFor="tags" className="block text-sm font-medium">
          Tags <span className="font-normal text-zinc-500">(optional)</span>
        </label>
        <input
          id="tags"
          name="tags"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          list={listId}
          autoComplete="off"
          placeholder="react, data-viz, three-js"
          className={inputClass}
          aria-describedby="tags-hint tags-error"
          aria-invalid={fieldInvalid(state, "tags") || undefined}
        />
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <p id="tags-hint" className="text-xs text-zinc-500">
          Comma-separated, up to {TAGS_PER_ARTIFACT}: letters a–z, digits and hyphens, 30 characters
          each.
        </p>
        <FieldError id="tags-error" state={state} name="tags" />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="category" className="block text-sm font-medium">
          Category
        </label>
        <select
          id="category"
          name="category"
          defaultValue={keptValue(state, "category", category)}
          className={inputClass}
          aria-describedby="category-error"
          aria-invalid={fieldInvalid(state, "category") || undefined}
        >
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
        <FieldError id="category-error" state={state} name="category" />
      </div>
    </div>
  );
}
