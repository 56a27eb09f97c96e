"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toggleFollow } from "@/app/(public)/u/[handle]/follow-actions";

/**
 * Follow / Following. Signed-out people get a link to sign in that brings them back; on your own
 * profile there is no button, only the sentence saying why.
 */
export function FollowButton({
  userId,
  handle,
  following,
  signedIn,
  isSelf,
}: {
  userId: string;
  handle: string;
  following: boolean;
  signedIn: boolean;
  isSelf: boolean;
}) {
  const [state, setState] = useState(following);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const pathname = usePathname();
  const classes = `inline-flex items-center rounded-md px-3 py-1.5 text-sm font-medium transition disabled:opacity-60 ${
    state
      ? "border border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50"
      : "bg-zinc-900 text-white hover:bg-zinc-700"
  }`;

  if (isSelf) return <p className="text-sm text-zinc-500">You cannot follow yourself.</p>;
  if (!signedIn) {
    return (
      <Link
        href={`/login?callbackUrl=${encodeURIComponent(pathname)}`}
        className={classes}
        data-testid="follow-button"
      >
        Follow<span className="sr-only"> @{handle}, sign in first</span>
      </Link>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={classes}
        aria-pressed={state}
        disabled={pending}
        data-testid="follow-button"
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await toggleFollow({ userId, follow: !state });
            if (result.status === "success") {
              setState(!state);
              router.refresh(); // the counts beside the button
            } else if (result.status === "error") {
              if (/sign in/i.test(result.message)) router.push("/login");
              setError(result.message);
            }
          })
        }
      >
        {state ? "Following" : "Follow"}
        <span className="sr-only"> @{handle}</span>
      </button>
      {error && (
        <span role="alert" className="text-xs text-rose-700">
          {error}
        </span>
      )}
    </span>
  );
}
