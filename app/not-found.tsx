import Link from "next/link";

export const metadata = { title: "Not found" };

// The one 404 body: unknown ids, malformed ids and other people's private artifacts all land here,
// so nothing about a private artifact can be learned from the response.
export default function NotFound() {
  return (
    <section className="mx-auto max-w-md py-16 text-center">
      <p className="text-brand-700 text-sm font-semibold">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">This page does not exist</h1>
      <p className="mt-3 text-zinc-600">
        The link may be mistyped, or what it pointed to was removed or is not shared.
      </p>
      <Link
        href="/"
        className="bg-brand-600 hover:bg-brand-700 mt-6 inline-block rounded-md px-4 py-2 text-sm font-medium text-white"
      >
        Explore artifacts
      </Link>
    </section>
  );
}
