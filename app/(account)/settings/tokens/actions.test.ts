// Issue 14: a personal access token never works on the browser's server actions. The actions read
// the session cookie only (lib/auth/viewer.ts); here the real action runs with a request that
// carries a live write token in Authorization and no cookie, and is refused with nothing written —
// while the same action with a session cookie works, so the refusal is the token's, not the setup's.
import { encode } from "next-auth/jwt";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "test-secret-for-the-session-cookie-0123456789";
  return { headers: new Headers() };
});

// Next's request scope, which server actions get from the framework: cookies() and headers() of
// the current request. Everything below them (viewer, queries, database) is real.
vi.mock("next/headers", async () => {
  const { RequestCookies } = await import("next/dist/compiled/@edge-runtime/cookies");
  return {
    cookies: async () => new RequestCookies(request.headers),
    headers: async () => request.headers,
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createTokenAction } = await import("./actions");
const { createToken, listTokens } = await import("@/db/queries/tokens");
const { startSession } = await import("@/db/queries/sessions");
const { makeUsers } = await import("@/db/test/social-fixtures");

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

let userId: string;

beforeAll(async () => {
  [userId] = (await makeUsers(1, "act")) as [string];
});

afterEach(() => {
  request.headers = new Headers();
});

describe("server actions and bearer tokens", () => {
  it("refuses a request that carries only a bearer token, and writes nothing", async () => {
    const { token } = await createToken(userId, { name: "ci", scope: "write", expiresAt: null });
    const before = (await listTokens(userId)).length;
    request.headers = new Headers({ authorization: `Bearer ${token}` });
    const state = await createTokenAction(
      { status: "idle" },
      form({ name: "from-a-token", scope: "write", expires: "never" }),
    );
    expect(state).toMatchObject({ status: "error", message: "Please sign in first." });
    expect((await listTokens(userId)).length).toBe(before);
  });

  it("works for the same user with a session cookie", async () => {
    const sid = await startSession(userId, "vitest");
    const jwt = await encode({
      token: { uid: userId, sv: 1, sid },
      secret: process.env.AUTH_SECRET!,
      salt: "authjs.session-token",
    });
    request.headers = new Headers({ cookie: `authjs.session-token=${jwt}` });
    const state = await createTokenAction(
      { status: "idle" },
      form({ name: "from-a-cookie", scope: "read", expires: "30" }),
    );
    expect(state).toMatchObject({
      status: "success",
      data: { token: expect.stringMatching(/^vit_/) },
    });
    expect((await listTokens(userId)).map((t) => t.name)).toContain("from-a-cookie");
  });
});
