// Pages in (account) need a signed-in user. Each page calls requireUser(<its own path>) itself, so a
// signed-out visitor comes back to the right place after signing in; this layout only frames them.
export default function AccountLayout({ children }: { children: React.ReactNode }) {
  // The editor pages mark themselves data-wide: code and its live preview need the full width.
  return <div className="mx-auto w-full max-w-4xl has-[[data-wide]]:max-w-none">{children}</div>;
}
