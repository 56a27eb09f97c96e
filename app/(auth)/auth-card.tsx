import { oauthProviders } from "@/lib/auth/providers";
import { oauthSignInAction } from "./actions";

export function AuthCard({
  title,
  children,
  footer,
}: {
  title: string;
  children: React.ReactNode;
  footer: React.ReactNode;
}) {
  return (
    <div className="mx-auto w-full max-w-sm space-y-6 py-4 sm:py-10">
      <div className="space-y-1 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      </div>
      <div className="space-y-5 rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">
        {children}
      </div>
      <p className="text-center text-sm text-zinc-600">{footer}</p>
    </div>
  );
}

const LABELS = { github: "Continue with GitHub", google: "Continue with Google" } as const;

/** GitHub / Google buttons, only for the providers that are configured. */
export function OAuthButtons({ callbackUrl }: { callbackUrl: string }) {
  const enabled = (Object.keys(LABELS) as (keyof typeof LABELS)[]).filter((p) => oauthProviders[p]);
  if (enabled.length === 0) return null;
  return (
    <div className="space-y-3">
      {enabled.map((provider) => (
        <form key={provider} action={oauthSignInAction}>
          <input type="hidden" name="provider" value={provider} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button
            type="submit"
            className="w-full rounded-md border border-zinc-300 bg-white px-4 py-2 text-sm font-medium hover:bg-zinc-50"
          >
            {LABELS[provider]}
          </button>
        </form>
      ))}
      <div className="flex items-center gap-3 text-xs text-zinc-500" aria-hidden>
        <span className="h-px flex-1 bg-zinc-200" /> or <span className="h-px flex-1 bg-zinc-200" />
      </div>
    </div>
  );
}

export function authLink(path: "/login" | "/signup", callbackUrl: string) {
  return callbackUrl === "/" ? path : `${path}?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}
