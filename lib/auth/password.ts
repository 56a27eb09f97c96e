import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's recommended parameters (19 MiB, 2 iterations). Used for sign-up, sign-in,
// password change, and for the demo users in db/seed.ts.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// The limits belong to the form rules (domain/validation/auth.ts); re-exported for the hashers' callers.
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/domain/validation/auth";

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password and for a malformed hash alike; never throws on user input. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
