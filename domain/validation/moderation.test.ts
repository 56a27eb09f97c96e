import { describe, expect, it } from "vitest";
import { appealSchema, moderationActionSchema, reportSchema } from "./moderation";

const id = "6f1c1f3e-2b7a-4c1e-9a53-0d6f7a1b2c3d";
const firstError = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? null : result.error!.issues[0]!.message;

describe("report, moderation and appeal input", () => {
  it("accepts a report with a listed reason; an empty comment id is no comment", () => {
    expect(
      reportSchema.parse({ artifactId: id, commentId: "", reason: "spam", body: "  buy now  " }),
    ).toEqual({ artifactId: id, commentId: undefined, reason: "spam", body: "buy now" });
  });

  it("refuses what is not on the list, too long, hidden characters, and Other without a word", () => {
    const base = { artifactId: id, body: "" };
    expect(firstError(reportSchema.safeParse({ ...base, reason: "boring" }))).toBe(
      "Choose a reason from the list.",
    );
    expect(firstError(reportSchema.safeParse({ ...base, reason: "other" }))).toBe(
      "Say what is wrong when you choose “Other”.",
    );
    expect(
      firstError(reportSchema.safeParse({ ...base, reason: "spam", body: "x".repeat(10_000) })),
    ).toBe("The report must be at most 1,000 characters.");
    expect(
      firstError(reportSchema.safeParse({ ...base, reason: "spam", body: "evil\u202Etxt" })),
    ).toMatch(/cannot contain control, invisible or right-to-left/);
    expect(reportSchema.safeParse({ ...base, reason: "spam", extra: 1 }).success).toBe(false);
    expect(reportSchema.safeParse({ ...base, artifactId: "../../x", reason: "spam" }).success).toBe(
      false,
    );
  });

  it("requires a reason for every moderator action, and the right target for each", () => {
    const action = { artifactId: id, reason: "Spam links" };
    expect(moderationActionSchema.safeParse({ ...action, action: "hide" }).success).toBe(true);
    expect(
      firstError(moderationActionSchema.safeParse({ ...action, action: "hide", reason: "   " })),
    ).toBe("Give a reason — every moderation action is recorded with why.");
    expect(
      firstError(moderationActionSchema.safeParse({ ...action, action: "delete_comment" })),
    ).toBe("Delete comment applies to a comment.");
    expect(
      moderationActionSchema.safeParse({ ...action, action: "hide", commentId: id }).success,
    ).toBe(false);
    expect(
      moderationActionSchema.safeParse({ ...action, action: "dismiss", commentId: id }).success,
    ).toBe(true);
    expect(moderationActionSchema.safeParse({ ...action, action: "ban" }).success).toBe(false);
  });

  it("requires an appeal's text, within its limit", () => {
    expect(firstError(appealSchema.safeParse({ artifactId: id, body: "" }))).toBe(
      "Write why the decision should change.",
    );
    expect(appealSchema.safeParse({ artifactId: id, body: "y".repeat(2001) }).success).toBe(false);
    expect(appealSchema.parse({ artifactId: id, body: " It is a demo. " }).body).toBe(
      "It is a demo.",
    );
  });
});
