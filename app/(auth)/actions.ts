"use server";

import { redirect } from "next/navigation";
import { cookies } from "next/headers";
import { createProfileForUser, createUserWithPassword } from "@/db/queries/users";
import { ActionError, publicFormAction, formAction, type ActionState } from "@/lib/actions";
import { CredentialsSignin, signIn, signOut } from "@/lib/auth/auth";
import { oauthProviders } from "@/lib/auth/providers";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { clientIp } from "@/lib/auth/client-ip";
import {
  KNOWN_DEVICE_COOKIE,
  KNOWN_DEVICE_MAX_AGE,
  isKnownDevice,
  knownDeviceToken,
  limitSignIn,
  limitSignUp,
  signInSucceeded,
} from "@/lib/auth/limits";
import { hashPassword } from "@/lib/auth/password";
import {
  oauthProviderSchema,
  pickHandleSchema,
  signInSchema,
  signUpSchema,
} from "@/domain/validation/auth";
import { HANDLE_TAKEN, handleField } from "@/domain/validation/handle";
import { getProfileByHandle } from "@/db/queries/profiles";
import { appOrigin } from "@/lib/env";
import { AuthError } from "next-auth";
import { requestLogger } from "@/lib/log/request";
import { logSignInRefused } from "@/lib/auth/sign-in-log";

// Sign-in, sign-up, sign-out and the OAuth handle picker. Each is a public endpoint: inputs are
// parsed strictly, rate limits are checked before any password work, and the messages never say
// whether an email has an account (except sign-up's "already registered", which must).

const WRONG_CREDENTIALS = "Wrong email or password.";

/** A new account goes where it was heading, or to the first steps (/start) when that was home. */
function afterSignUp(callbackUrl: unknown): string {
  const next = safeCallbackPath(callbackUrl, appOrigin());
  return next === "/" ? "/start" : next;
}

async function signInWithPassword(email: string, password: string): Promise<boolean> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return true;
  } catch (err) {
    if (
      err instanceof CredentialsSignin ||
      (err instanceof AuthError && err.type === "CredentialsSignin")
    )
      return false;
    throw err;
  }
}

export const signInAction = publicFormAction(
  signInSchema,
  async ({ email, password, callbackUrl }) => {
    const jar = await cookies();
    const attempt = {
      ip: await clientIp(),
      email,
      knownDevice: isKnownDevice(jar.get(KNOWN_DEVICE_COOKIE)?.value, email),
    };
    const limited = await limitSignIn(attempt);
    if (!limited.ok) {
      logSignInRefused(await requestLogger(), "rate-limited", attempt.ip);
      throw new ActionError(limited.message);
    }
    if (!(await signInWithPassword(email, password))) {
      logSignInRefused(await requestLogger(), "wrong-credentials", attempt.ip);
      throw new ActionError(WRONG_CREDENTIALS);
    }
    await signInSucceeded(attempt);
    // This browser is now a known device of the account: never locked out by others' guesses.
    jar.set(KNOWN_DEVICE_COOKIE, knownDeviceToken(email), {
      httpOnly: true,
      sameSite: "lax",
      secure: appOrigin().startsWith("https:"),
      path: "/",
      maxAge: KNOWN_DEVICE_MAX_AGE,
    });
    redirect(safeCallbackPath(callbackUrl, appOrigin()));
  },
);

const signUpChecked = publicFormAction(
  signUpSchema,
  async ({ email, handle, password, callbackUrl }) => {
    const limited = await limitSignUp(await clientIp());
    if (!limited.ok) throw new ActionError(limited.message);
    const created = await createUserWithPassword({
      email,
      handle,
      passwordHash: await hashPassword(password),
    });
    if (!created.ok) {
      if (created.reason === "handle-taken")
        throw new ActionError(HANDLE_TAKEN, { handle: [HANDLE_TAKEN] });
      const message = "An account with this email already exists. Sign in instead.";
      throw new ActionError(message, { email: [message] });
    }
    if (!(await signInWithPassword(email, password)))
      throw new Error("sign-in after sign-up failed");
    redirect(afterSignUp(callbackUrl));
  },
);

/**
 * Sign-up. When another field is refused (a short password, say), the handle is still checked
 * against the taken ones, so both problems are named at once instead of one after the other.
 */
export async function signUpAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await signUpChecked(prev, formData);
  if (state.status !== "error" || !state.fieldErrors || state.fieldErrors.handle) return state;
  const handle = handleField.safeParse(formData.get("handle"));
  if (!handle.success || !(await getProfileByHandle(handle.data))) return state;
  return { ...state, fieldErrors: { ...state.fieldErrors, handle: [HANDLE_TAKEN] } };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

export async function oauthSignInAction(formData: FormData): Promise<void> {
  const provider = oauthProviderSchema.safeParse(formData.get("provider"));
  if (!provider.success || !oauthProviders[provider.data]) redirect("/login");
  const target = safeCallbackPath(formData.get("callbackUrl"), appOrigin());
  await signIn(provider.data, { redirectTo: target });
}

export const pickHandleAction = formAction(
  pickHandleSchema,
  async ({ handle, callbackUrl }, viewer): Promise<ActionState> => {
    if (viewer.handle) redirect(safeCallbackPath(callbackUrl, appOrigin()));
    const created = await createProfileForUser({ userId: viewer.id, handle });
    if (!created.ok && created.reason === "handle-taken")
      throw new ActionError(HANDLE_TAKEN, { handle: [HANDLE_TAKEN] });
    redirect(afterSignUp(callbackUrl));
  },
);
