// Pages in (account) need a signed-in user. Each page calls requireUser(<its own path>) itself, so a
// signed-out visitor comes back to the right place after signing in; this layout only frames them.
export default function AccountLayout({ children }: { children: React.ReactNode }) {
  return <div className="mx-auto w-full max-w-4xl">{children}</div>;
}
