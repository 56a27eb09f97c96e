// Issue 14: a script with a token leaves with its work and brings it back — the zip export and
// import of the browser (/a/<id>/export.zip, /import), through /api/v1, checked against the
// OpenAPI document like every other answer (test-client.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import { createToken } from "@/db/queries/tokens";
import { makeUser } from "@/db/test/version-fixtures";
import { api, document, seen } from "./test-client";

const suffix = Math.random().toString(36).slice(2, 8);
let ownerWrite: string;
let ownerRead: string;
let otherWrite: string;

beforeAll(async () => {
  const owner = await makeUser(`arch-${suffix}`);
  const other = await makeUser(`arch-other-${suffix}`);
  ownerWrite = (await createToken(owner, { name: "w", scope: "write", expiresAt: null })).token;
  ownerRead = (await createToken(owner, { name: "r", scope: "read", expiresAt: null })).token;
  otherWrite = (await createToken(other, { name: "w", scope: "write", expiresAt: null })).token;
});

const zipHeaders = { "content-type": "application/zip" };

describe("/api/v1 export and import", () => {
  it("exports a private artifact for its owner only, and imports it back version for version", async () => {
    const created = await api("POST", "/artifacts", {
      token: ownerWrite,
      json: { title: "Round trip", language: "html", code: "<p>one</p>\n", visibility: "private" },
    });
    const id = created.body.id as string;
    await api("POST", `/artifacts/${id}/versions`, {
      token: ownerWrite,
      json: { parentVersion: 1, code: "<p>one</p>\n<p>two</p>\n", summary: "Second line" },
    });

    // Private: another user's token and no token get the 404 a missing id gets.
    expect((await api("GET", `/artifacts/${id}/export`, { token: otherWrite })).status).toBe(404);
    expect((await api("GET", `/artifacts/${id}/export`)).status).toBe(404);
    const exported = await api("GET", `/artifacts/${id}/export`, { token: ownerRead });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toBe("application/zip");
    const zip = exported.body as Uint8Array<ArrayBuffer>;

    // A read token cannot import; a write token imports a new private artifact with both versions.
    expect(
      (await api("POST", "/imports", { token: ownerRead, body: zip, headers: zipHeaders })).status,
    ).toBe(403);
    const imported = await api("POST", "/imports", {
      token: ownerWrite,
      body: zip,
      headers: zipHeaders,
    });
    expect(imported.status).toBe(201);
    expect(imported.body.versions).toBe(2);
    expect(imported.body.id).not.toBe(id);
    const versions = await api("GET", `/artifacts/${imported.body.id}/versions`, {
      token: ownerWrite,
    });
    expect(versions.body.items.map((v: { summary: string | null }) => v.summary)).toContain(
      "Second line",
    );
    const v2 = await api("GET", `/artifacts/${imported.body.id}/versions/2`, {
      token: ownerWrite,
    });
    expect(v2.body.code).toBe("<p>one</p>\n<p>two</p>\n");
  });

  it("refuses what is not a Vitrine zip with a sentence, and JSON bodies by their type", async () => {
    const notZip = await api("POST", "/imports", {
      token: ownerWrite,
      body: new TextEncoder().encode("hello"),
      headers: zipHeaders,
    });
    expect(notZip.status).toBe(422);
    expect(notZip.body.error.message).toMatch(/\S.*\./);
    const traversal = zipSync({ "../evil.txt": strToU8("x"), "vitrine.json": strToU8("{}") });
    const refused = await api("POST", "/imports", {
      token: ownerWrite,
      body: new Uint8Array(traversal),
      headers: zipHeaders,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("validation_failed");
    expect((await api("POST", "/imports", { token: ownerWrite, json: {} })).status).toBe(415);
  });
});

afterAll(() => {
  // The two archive operations of the document succeeded at least once here.
  const ops = ["GET /artifacts/{id}/export", "POST /imports"];
  expect(ops.filter((op) => ![...seen].some((s) => s.startsWith(op + " 2")))).toEqual([]);
  expect(Object.keys(document.paths ?? {})).toEqual(
    expect.arrayContaining(["/artifacts/{id}/export", "/imports"]),
  );
});
