import Link from "next/link";

// Explore's answer to a search that matched too much to rank in time (db/queries/gallery.ts,
// SEARCH_BUDGET_MS): a sentence and a way on, never a timeout page.
export function SearchTooBroad({ query }: { query: string }) {
  return (
    <div
      role="status"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900"
    >
      <p className="font-medium">“{query}” is too broad to search quickly.</p>
      <p className="mt-1">
        Add a word, pick a language, or search for an owner with <code>@handle</code>.{" "}
        <Link href="/" className="underline">
          Clear the search
        </Link>
        .
      </p>
    </div>
  );
}
