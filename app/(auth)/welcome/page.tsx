import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/viewer";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { appOrigin } from "@/lib/env";
import { AuthCard } from "../auth-card";
import { PickHandleForm } from "./pick-handle-form";

export const metadata: Metadata = {
  title: "Choose your handle",
  description: "Pick the handle your Vitrine profile lives at.",
};

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

// People who signed up with GitHub or Google land here once, to choose their handle.
export default async function WelcomePage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(
    typeof params.callbackUrl === "string" ? params.callbackUrl : undefined,
    appOrigin(),
  );
  const viewer = await requireUser("/welcome");
  if (viewer.handle) {
    return (
      <AuthCard
        title="You are all set"
        footer={
          <Link href={callbackUrl} className="text-brand-700 font-medium hover:underline">
            Continue
          </Link>
        }
      >
        <p className="text-sm text-zinc-700">
          Your handle is{" "}
          <Link href={`/u/${viewer.handle}`} className="text-brand-700 font-medium hover:underline">
            @{viewer.handle}
          </Link>
          . You can change it in{" "}
          <Link href="/settings/profile" className="text-brand-700 font-medium hover:underline">
            your profile settings
          </Link>
          .
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose your handle" footer="You can change it later in your settings.">
      <PickHandleForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
