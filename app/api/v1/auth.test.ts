// Issue 14, the authorisation matrix of /api/v1 (answers checked against the OpenAPI document):
// a read token cannot write (403); an expired or revoked token is 401; another user's private
// artifact is 404 exactly like a missing one; a session cookie alone is 401 on a write and counts
// for nothing on a read.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createToken, revokeToken } from "@/db/queries/tokens";
import { makeUser } from "@/db/test/version-fixtures";
import { api, type Answer } from "./test-client";

const suffix = Math.random().toString(36).slice(2, 8);
let owner: string;
let ownerWrite: string;
let ownerRead: string;
let strangerWrite: string;
let expired: string;
let revoked: string;
let privateId: string;

beforeAll(async () => {
  owner = await makeUser(`owner-${suffix}`);
  const stranger = await makeUser(`stranger-${suffix}`);
  ownerWrite = (await createToken(owner, { name: "w", scope: "write", expiresAt: null })).token;
  ownerRead = (await createToken(owner, { name: "r", scope: "read", expiresAt: null })).token;
  strangerWrite = (await createToken(stranger, { name: "w", scope: "write", expiresAt: null }))
    .token;
  expired = (
    await createToken(owner, {
      name: "old",
      scope: "write",
      expiresAt: new Date(Date.now() - 1000),
    })
  ).token;
  const gone = await createToken(owner, { name: "gone", scope: "write", expiresAt: null });
  await revokeToken(owner, gone.row.id);
  revoked = gone.token;
  const created = await api("POST", "/artifacts", {
    token: ownerWrite,
    json: { title: "Secret", language: "html", code: "<p>secret</p>", visibility: "private" },
  });
  expect(created.status).toBe(201);
  privateId = created.body.id;
});

/** The same request for the private artifact and for an id that never existed: identical answers. */
async function sameAsMissing(call: (id: string) => Promise<Answer>): Promise<void> {
  const hidden = await call(privateId);
  const missing = await call(randomUUID());
  expect(hidden.status).toBe(404);
  expect(hidden.body).toEqual(missing.body);
  expect(hidden.body).toEqual({ error: { code: "not_found", message: "Not found." } });
}

describe("/api/v1 authorisation", () => {
  it("lets a read token read the owner's private artifact but not write (403), with nothing changed", async () => {
    expect((await api("GET", `/artifacts/${privateId}`, { token: ownerRead })).status).toBe(200);
    const refused = await api("PATCH", `/artifacts/${privateId}`, {
      token: ownerRead,
      json: { title: "Changed" },
    });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect((await api("POST", "/artifacts", { token: ownerRead, json: {} })).status).toBe(403);
    expect((await api("DELETE", `/artifacts/${privateId}`, { token: ownerRead })).status).toBe(403);
    expect((await api("GET", `/artifacts/${privateId}`, { token: ownerRead })).body.title).toBe(
      "Secret",
    );
  });

  it("answers 401 to expired, revoked, unknown and missing tokens", async () => {
    for (const token of [expired, revoked, `vit_${"A".repeat(43)}`]) {
      const read = await api("GET", `/artifacts/${privateId}`, { token });
      expect(read.status, token).toBe(401);
      expect(read.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect((await api("PUT", `/artifacts/${privateId}/like`, { token })).status).toBe(401);
    }
    expect((await api("PUT", `/artifacts/${privateId}/like`)).status).toBe(401);
  });

  it("answers another user's private artifact exactly like a missing one, on every surface", async () => {
    const as = { token: strangerWrite };
    await sameAsMissing((id) => api("GET", `/artifacts/${id}`, as));
    await sameAsMissing((id) => api("GET", `/artifacts/${id}`));
    await sameAsMissing((id) => api("GET", `/artifacts/${id}/versions`, as));
    await sameAsMissing((id) => api("GET", `/artifacts/${id}/versions/1`, as));
    await sameAsMissing((id) => api("GET", `/artifacts/${id}/diff?from=1&to=1`, as));
    await sameAsMissing((id) => api("GET", `/artifacts/${id}/forks`, as));
    await sameAsMissing((id) => api("GET", `/artifacts/${id}/comments`, as));
    await sameAsMissing((id) =>
      api("PATCH", `/artifacts/${id}`, { ...as, json: { title: "Mine" } }),
    );
    await sameAsMissing((id) => api("DELETE", `/artifacts/${id}`, as));
    await sameAsMissing((id) =>
      api("POST", `/artifacts/${id}/versions`, { ...as, json: { parentVersion: 1, code: "x" } }),
    );
    await sameAsMissing((id) => api("POST", `/artifacts/${id}/versions/1/restore`, as));
    await sameAsMissing((id) =>
      api("POST", `/artifacts/${id}/forks`, { ...as, json: { title: "Stolen" } }),
    );
    await sameAsMissing((id) => api("PUT", `/artifacts/${id}/like`, as));
    await sameAsMissing((id) =>
      api("POST", `/artifacts/${id}/comments`, { ...as, json: { body: "hi" } }),
    );
    expect((await api("GET", "/artifacts/not-a-uuid")).status).toBe(404);
    const list = await api("GET", "/artifacts?sort=newest", as);
    expect(JSON.stringify(list.body)).not.toContain(privateId);
    const profile = await api("GET", `/users/owner-${suffix}`, as);
    expect(profile.body.stats.publicArtifacts).toBe(0);
    expect(JSON.stringify(profile.body)).not.toContain(privateId);
    // The owner's own token sees it in the profile.
    const own = await api("GET", `/users/owner-${suffix}`, { token: ownerRead });
    expect(JSON.stringify(own.body)).toContain(privateId);
  });

  it("gives a session cookie alone nothing: 401 on writes, anonymous on reads", async () => {
    // Whatever the cookie holds, the API never reads it (lib/api/auth.ts); a write without a token is 401.
    const cookie = {
      cookie: "authjs.session-token=whatever; __Secure-authjs.session-token=whatever",
    };
    const write = await api("POST", "/artifacts", {
      headers: cookie,
      json: { title: "By cookie", language: "html", code: "<p>x</p>" },
    });
    expect(write).toMatchObject({ status: 401, body: { error: { code: "unauthorized" } } });
    await sameAsMissing((id) => api("GET", `/artifacts/${id}`, { headers: cookie }));
  });
});
