"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

// The avatar menu. A <details> element, so it opens by keyboard (Enter/Space on the summary) and by
// touch without JavaScript; with JavaScript it also closes on Escape, on an outside click and after
// navigating.
export function UserMenu({
  handle,
  avatar,
  signOut,
}: {
  handle: string | null;
  avatar: React.ReactNode;
  signOut: () => Promise<void>;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === "Escape" && ref.current?.open) {
        ref.current.open = false;
        ref.current.querySelector("summary")?.focus();
      }
    }
    function onClick(event: MouseEvent) {
      if (ref.current?.open && !ref.current.contains(event.target as Node))
        ref.current.open = false;
    }
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
    };
  }, []);

  const item =
    "block w-full px-4 py-2.5 text-left text-sm text-zinc-700 hover:bg-zinc-50 focus-visible:bg-zinc-50";
  return (
    <details ref={ref} className="relative">
      <summary
        aria-label="Account menu"
        className="flex cursor-pointer list-none items-center rounded-full p-0.5 hover:ring-2 hover:ring-zinc-200 [&::-webkit-details-marker]:hidden"
      >
        {avatar}
      </summary>
      <div className="absolute right-0 z-50 mt-2 w-56 overflow-hidden rounded-lg border border-zinc-200 bg-white py-1 shadow-lg">
        <p className="truncate border-b border-zinc-100 px-4 py-2 text-xs text-zinc-500">
          Signed in as{" "}
          <span className="font-medium text-zinc-800">{handle ? `@${handle}` : "a new user"}</span>
        </p>
        <ul>
          {handle ? (
            <li>
              <Link href={`/u/${handle}`} className={item}>
                Your profile
              </Link>
            </li>
          ) : (
            <li>
              <Link href="/welcome" className={item}>
                Choose your handle
              </Link>
            </li>
          )}
          <li>
            <Link href="/settings/profile" className={item}>
              Settings
            </Link>
          </li>
          <li className="border-t border-zinc-100">
            <form action={signOut}>
              <button type="submit" className={item}>
                Sign out
              </button>
            </form>
          </li>
        </ul>
      </div>
    </details>
  );
}
