// Issue 14: the API reads `Authorization: Bearer` only — never a cookie — and a read token cannot write.
import { beforeAll, describe, expect, it } from "vitest";
import { createToken } from "@/db/queries/tokens";
import { makeUsers } from "@/db/test/social-fixtures";
import { authenticateApiRequest, requireScope } from "./auth";

let userId: string;
beforeAll(async () => {
  [userId] = (await makeUsers(1, "apiauth")) as [string];
});

const req = (headers: Record<string, string>) =>
  new Request("http://localhost/api/v1/artifacts", { headers });

async function errorOf(res: unknown) {
  expect(res).toBeInstanceOf(Response);
  const r = res as Response;
  return { status: r.status, body: (await r.json()) as { error: { code: string } } };
}

describe("authenticateApiRequest", () => {
  it("answers 401 to a session cookie without a token, even where a token is optional", async () => {
    const cookie = { cookie: "authjs.session-token=anything; __Secure-authjs.session-token=x" };
    const required = await errorOf(await authenticateApiRequest(req(cookie)));
    expect(required.status).toBe(401);
    expect(required.body.error.code).toBe("unauthorized");
    // Optional: the cookie is ignored and the request is anonymous, never the cookie's user.
    expect(await authenticateApiRequest(req(cookie), { optional: true })).toBeNull();
  });

  it("accepts a live bearer token and refuses malformed, unknown and non-Bearer headers", async () => {
    const { token, row } = await createToken(userId, { name: "t", scope: "read", expiresAt: null });
    expect(await authenticateApiRequest(req({ authorization: `Bearer ${token}` }))).toMatchObject({
      userId,
      tokenId: row.id,
      scope: "read",
    });
    for (const authorization of [`Basic ${token}`, "Bearer", `Bearer vit_${"x".repeat(43)}`, token])
      expect((await errorOf(await authenticateApiRequest(req({ authorization })))).status).toBe(
        401,
      );
    // A present but bad header is 401 even where anonymous reads are allowed.
    const bad = await authenticateApiRequest(req({ authorization: "Bearer nope" }), {
      optional: true,
    });
    expect((await errorOf(bad)).status).toBe(401);
  });

  it("lets a read token read but not write (403)", async () => {
    const { token } = await createToken(userId, { name: "r", scope: "read", expiresAt: null });
    const viewer = await authenticateApiRequest(req({ authorization: `Bearer ${token}` }));
    if (viewer instanceof Response || !viewer) throw new Error("expected a viewer");
    expect(requireScope(viewer, "read")).toBeNull();
    const refused = await errorOf(requireScope(viewer, "write"));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
  });
});
