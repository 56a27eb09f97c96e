import type { Metadata } from "next";
import Link from "next/link";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { appOrigin } from "@/lib/env";
import { AuthCard, OAuthButtons, authLink } from "../auth-card";
import { SignupForm } from "./signup-form";

export const metadata: Metadata = {
  title: "Create an account",
  description:
    "Join Vitrine: publish live HTML, React, SVG and scripts, keep every version, fork with lineage.",
};

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function SignupPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(
    typeof params.callbackUrl === "string" ? params.callbackUrl : undefined,
    appOrigin(),
  );
  return (
    <AuthCard
      title="Create your account"
      footer={
        <>
          Already have an account?{" "}
          <Link
            href={authLink("/login", callbackUrl)}
            className="text-brand-700 font-medium hover:underline"
          >
            Sign in
          </Link>
        </>
      }
    >
      <OAuthButtons callbackUrl={callbackUrl} />
      <SignupForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
