import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="border-t border-zinc-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-zinc-500 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>Vitrine — publish, version, diff and fork live code.</p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link href="/" className="hover:text-zinc-800">
            Explore
          </Link>
          <Link href="/new" className="hover:text-zinc-800">
            Publish
          </Link>
        </nav>
      </div>
    </footer>
  );
}
