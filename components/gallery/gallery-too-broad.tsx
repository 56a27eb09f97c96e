import Link from "next/link";
import { TOO_BROAD_MESSAGE } from "@/domain/gallery/too-broad";

// A listing that matched too much to answer within its budget (a tag page; Explore has its own
// SearchTooBroad that repeats the query): the sentence and a way on, never an empty list that reads
// as "nothing here".
export function GalleryTooBroad() {
  return (
    <div
      role="status"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900"
    >
      <p className="font-medium">{TOO_BROAD_MESSAGE}</p>
      <p className="mt-1">
        <Link href="/" className="underline">
          Back to explore
        </Link>
      </p>
    </div>
  );
}
