import type { Metadata } from "next";
import Link from "next/link";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { appOrigin } from "@/lib/env";
import { AuthCard, OAuthButtons, authLink } from "../auth-card";
import { LoginForm } from "./login-form";

export const metadata: Metadata = {
  title: "Sign in",
  description: "Sign in to Vitrine to publish, version and fork live code artifacts.",
};

type Props = {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
};

// Auth.js sends OAuth failures back here as ?error=<type>; we say something a person understands.
const OAUTH_ERRORS: Record<string, string> = {
  OAuthAccountNotLinked: "That email already has an account here. Sign in with your password.",
  AccessDenied: "Sign-in was cancelled.",
};

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(
    typeof params.callbackUrl === "string" ? params.callbackUrl : undefined,
    appOrigin(),
  );
  const error =
    typeof params.error === "string"
      ? (OAUTH_ERRORS[params.error] ?? "Sign-in failed. Please try again.")
      : null;
  return (
    <AuthCard
      title="Sign in to Vitrine"
      footer={
        <>
          New here?{" "}
          <Link
            href={authLink("/signup", callbackUrl)}
            className="text-brand-700 font-medium hover:underline"
          >
            Create an account
          </Link>
        </>
      }
    >
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <OAuthButtons callbackUrl={callbackUrl} />
      <LoginForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
