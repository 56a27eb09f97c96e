import type { Logger } from "@/lib/log";

// An expected sign-in failure is routine (a typo, a guesser meeting the rate limit): one info line
// with the reason and the address, never an error with a stack — those are kept for real faults.
// The email is not logged: the log must not become a list of who tried which account.

export type SignInRefusal = "wrong-credentials" | "rate-limited";

export function logSignInRefused(log: Logger, reason: SignInRefusal, ip: string): void {
  log.info({ event: "sign-in-refused", reason, ip }, "sign-in refused");
}

/** Auth.js's answer to a wrong password on its own endpoint: a redirect naming CredentialsSignin. */
export function isCredentialsRefusal(response: Response): boolean {
  return /[?&]error=CredentialsSignin\b/.test(response.headers.get("location") ?? "");
}
