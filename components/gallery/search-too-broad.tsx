import Link from "next/link";
import { TOO_BROAD_MESSAGE } from "@/domain/gallery/too-broad";

// A listing that matched too much to answer within its budget (db/queries/gallery.ts,
// SEARCH_BUDGET_MS): a sentence and a way on, never a timeout page, never an empty list that reads
// as "nothing here". Explore repeats the query and offers to clear it; a tag page, which has no
// query box, says the shared sentence and leads back to explore.
export function SearchTooBroad({ query }: { query?: string }) {
  return (
    <div
      role="status"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900"
    >
      {query === undefined ? (
        <>
          <p className="font-medium">{TOO_BROAD_MESSAGE}</p>
          <p className="mt-1">
            <Link href="/" className="underline">
              Back to explore
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="font-medium">“{query}” is too broad to search quickly.</p>
          <p className="mt-1">
            Add a word, pick a language, or search for an owner with <code>@handle</code>.{" "}
            <Link href="/" className="underline">
              Clear the search
            </Link>
            .
          </p>
        </>
      )}
    </div>
  );
}
