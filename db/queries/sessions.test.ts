// Issue 12 item 12: sign-out did not revoke a copied session token (a JWT stays valid until it
// expires). Each token now names a session row; sign-out and "revoke" in settings end it, so the
// copied token signs nobody in. Revoking is scoped to the user's own sessions.
import { describe, expect, it } from "vitest";
import {
  getSessionUserForToken,
  listSessions,
  revokeOtherSessions,
  revokeSession,
  startSession,
} from "@/db/queries/sessions";
import { makeUsers } from "@/db/test/social-fixtures";
import { endSessionOnSignOut } from "@/lib/auth/session-events";

describe("sessions", () => {
  it("a signed-out token (or a copy of it) signs nobody in", async () => {
    const [mira] = (await makeUsers(1, "sess")) as [string];
    const sid = await startSession(mira, "Firefox");
    const copied = { uid: mira, sid };
    expect(await getSessionUserForToken(copied.uid, copied.sid)).toMatchObject({ id: mira });
    await endSessionOnSignOut({ token: copied });
    expect(await getSessionUserForToken(copied.uid, copied.sid)).toBeNull();
  });

  it("lists live sessions and revokes one, or all others, only for their owner", async () => {
    const [mira, eve] = (await makeUsers(2, "sess")) as [string, string];
    const [laptop, phone, tablet] = [
      await startSession(mira, "Laptop"),
      await startSession(mira, "Phone"),
      await startSession(mira, "Tablet"),
    ];
    expect((await listSessions(mira)).map((s) => s.userAgent).sort()).toEqual([
      "Laptop",
      "Phone",
      "Tablet",
    ]);

    expect(await revokeSession({ userId: eve, sessionId: phone })).toBe(false);
    expect(await getSessionUserForToken(mira, phone)).not.toBeNull();
    expect(await revokeSession({ userId: mira, sessionId: phone })).toBe(true);
    expect(await getSessionUserForToken(mira, phone)).toBeNull();

    expect(await revokeOtherSessions({ userId: mira, currentSessionId: laptop })).toBe(1);
    expect(await getSessionUserForToken(mira, tablet)).toBeNull();
    expect((await listSessions(mira)).map((s) => s.id)).toEqual([laptop]);
    // A token cannot borrow another user's session row.
    expect(await getSessionUserForToken(eve, laptop)).toBeNull();
  });
});
