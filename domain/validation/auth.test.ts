import { describe, expect, it } from "vitest";
import { changePasswordSchema, deleteAccountSchema, revokeSessionSchema } from "./account";
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  oauthProviderSchema,
  pickHandleSchema,
  signInSchema,
  signUpSchema,
} from "./auth";

/** The first message zod gives for a field, or throws when the input was accepted. */
function refusal(
  schema: { safeParse(v: unknown): { success: boolean; error?: unknown } },
  input: unknown,
  field: string,
) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`${JSON.stringify(input)} was accepted`);
  const issues = (result.error as { issues: { path: PropertyKey[]; message: string }[] }).issues;
  return issues.filter((i) => i.path[0] === field).map((i) => i.message)[0];
}

const goodPassword = "x".repeat(PASSWORD_MIN_LENGTH);

describe("sign-in", () => {
  it("trims the email and keeps the password as typed", () => {
    expect(signInSchema.parse({ email: "  ada@example.com ", password: " pw " })).toEqual({
      email: "ada@example.com",
      password: " pw ",
    });
  });

  it("asks for a missing email and password, and bounds both", () => {
    expect(refusal(signInSchema, { email: "   ", password: "pw" }, "email")).toBe(
      "Enter your email.",
    );
    expect(refusal(signInSchema, { email: "a@b.c", password: "" }, "password")).toBe(
      "Enter your password.",
    );
    expect(
      refusal(signInSchema, { email: `${"a".repeat(320)}@b.c`, password: "pw" }, "email"),
    ).toBe("Emails are at most 320 characters.");
    expect(
      refusal(
        signInSchema,
        { email: "a@b.c", password: "p".repeat(PASSWORD_MAX_LENGTH + 1) },
        "password",
      ),
    ).toBe(`Passwords are at most ${PASSWORD_MAX_LENGTH} characters.`);
  });

  it("refuses fields it does not know", () => {
    expect(signInSchema.safeParse({ email: "a@b.c", password: "pw", admin: "1" }).success).toBe(
      false,
    );
  });
});

describe("sign-up", () => {
  it("lower-cases the email and the handle (the email is checked as typed: no spaces)", () => {
    expect(
      signUpSchema.parse({ email: "Ada@Example.COM", handle: "Ada", password: goodPassword }),
    ).toEqual({ email: "ada@example.com", handle: "ada", password: goodPassword });
  });

  it("names what is wrong with each field", () => {
    const base = { email: "ada@example.com", handle: "ada", password: goodPassword };
    expect(refusal(signUpSchema, { ...base, email: "not-an-email" }, "email")).toBe(
      "Enter a valid email address.",
    );
    expect(
      refusal(signUpSchema, { ...base, password: "x".repeat(PASSWORD_MIN_LENGTH - 1) }, "password"),
    ).toBe(`Passwords need at least ${PASSWORD_MIN_LENGTH} characters.`);
    expect(refusal(signUpSchema, { ...base, handle: "ab" }, "handle")).toMatch(
      /at least 3 characters/,
    );
  });

  it("applies the safe-text rule to the handle through handleField", () => {
    expect(
      signUpSchema.safeParse({ email: "a@b.co", handle: "ada\u202E", password: goodPassword })
        .success,
    ).toBe(false);
    expect(pickHandleSchema.safeParse({ handle: "ada\u200B" }).success).toBe(false);
    expect(pickHandleSchema.parse({ handle: "grace", callbackUrl: "/a/1" })).toEqual({
      handle: "grace",
      callbackUrl: "/a/1",
    });
  });
});

describe("OAuth provider", () => {
  it("accepts only the two providers", () => {
    expect(oauthProviderSchema.safeParse("github").success).toBe(true);
    expect(oauthProviderSchema.safeParse("google").success).toBe(true);
    expect(oauthProviderSchema.safeParse("credentials").success).toBe(false);
  });
});

describe("account settings", () => {
  it("asks for the current password and bounds the new one", () => {
    expect(
      refusal(
        changePasswordSchema,
        { currentPassword: "", newPassword: goodPassword },
        "currentPassword",
      ),
    ).toBe("Enter your current password.");
    expect(
      refusal(
        changePasswordSchema,
        { currentPassword: "old", newPassword: "short" },
        "newPassword",
      ),
    ).toBe(`Passwords need at least ${PASSWORD_MIN_LENGTH} characters.`);
    expect(
      refusal(
        changePasswordSchema,
        { currentPassword: "p".repeat(PASSWORD_MAX_LENGTH + 1), newPassword: goodPassword },
        "currentPassword",
      ),
    ).toBe("That is not your current password.");
  });

  it("bounds the delete confirmation and needs a real session id", () => {
    expect(deleteAccountSchema.safeParse({ confirm: "x".repeat(201) }).success).toBe(false);
    expect(deleteAccountSchema.parse({ confirm: "ada" })).toEqual({ confirm: "ada" });
    expect(refusal(revokeSessionSchema, { sessionId: "1 or 1=1" }, "sessionId")).toBe(
      "That session does not exist.",
    );
  });
});
