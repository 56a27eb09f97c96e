import Link from "next/link";
import { FeedLink } from "@/components/social/feed-link";
import { signOutAction } from "@/app/(auth)/actions";
import { Avatar } from "@/components/ui/avatar";
import { UserMenu } from "./user-menu";

export type HeaderViewer = { handle: string | null; avatarUrl: string | null } | null;

/** The header; the root layout resolves who is signed in (getViewerProfile) and passes it here. */
export function SiteHeader({ viewer }: { viewer: HeaderViewer }) {
  return (
    <header className="sticky top-0 z-40 border-b border-zinc-200 bg-white/90 backdrop-blur">
      <nav
        aria-label="Main"
        className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:gap-6 sm:px-6"
      >
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span
            aria-hidden
            className="bg-brand-600 grid size-7 place-items-center rounded-md text-sm text-white"
          >
            V
          </span>
          <span>Vitrine</span>
        </Link>
        <Link href="/" className="text-sm text-zinc-600 hover:text-zinc-900">
          Explore
        </Link>
        {viewer && <FeedLink />}
        <div className="ml-auto flex items-center gap-2 sm:gap-3">
          {viewer ? (
            <>
              <Link
                href="/new"
                className="bg-brand-600 hover:bg-brand-700 rounded-md px-3 py-1.5 text-sm font-medium text-white"
              >
                Publish
              </Link>
              <UserMenu
                handle={viewer.handle}
                signOut={signOutAction}
                avatar={<Avatar src={viewer.avatarUrl} name={viewer.handle ?? "?"} size={32} />}
              />
            </>
          ) : (
            <>
              <Link
                href="/login"
                className="rounded-md px-2 py-1.5 text-sm text-zinc-700 hover:text-zinc-900"
              >
                Sign in
              </Link>
              <Link
                href="/signup"
                className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50"
              >
                Sign up
              </Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
