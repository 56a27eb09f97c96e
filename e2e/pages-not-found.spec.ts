import { createUser, expect, insertArtifact, test } from "./fixtures";

// Not-found pages answer before JavaScript (issue 16): the status is 404 and the sentence is in the
// server's HTML, visible with scripts off — a private artifact exactly like a missing one.
//
// Next.js 16.4.6 alone answers these with an empty `<html id="__next_error__">` document (a
// notFound() thrown while rendering escapes the server-rendered shell; vercel/next.js#62228):
// patches/next+16.4.6.patch renders the root not-found page instead (patches/README.md).

const SENTENCE = "This page does not exist";
const MISSING = "00000000-0000-4000-8000-000000000000";

test("every not-found page kind: status 404 and its sentence visible in the HTML, without JavaScript", async ({
  browser,
  request,
}) => {
  const owner = await createUser("ssr-owner");
  const secret = await insertArtifact(owner.id, { title: "Secret ssr", visibility: "private" });
  const paths = [
    `/a/${MISSING}`,
    `/a/${secret.id}`,
    `/a/not-an-id`,
    `/a/${secret.id}/versions`,
    `/a/${MISSING}/versions`,
    `/a/${secret.id}/diff?from=1&to=1`,
    `/a/${MISSING}/diff`,
    `/a/${secret.id}/forks`,
    `/a/${secret.id}/v/1`,
    `/u/nobody-here-ssr`,
    `/@nobody-here-ssr`,
  ];
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of paths) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    const html = await res.text();
    // The sentence is in the document itself, not only in the RSC payload a script would render.
    const withoutScripts = html.replace(/<script[\s\S]*?<\/script>/g, "");
    expect(withoutScripts, path).toContain(SENTENCE);
    // Inside the site's own layout (header, skip link), as an unmatched URL is — not a bare page.
    expect(withoutScripts, path).toContain('<html lang="en"');
    expect(withoutScripts, path).toContain("Skip to content");

    const shown = await page.goto(path);
    expect(shown?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: SENTENCE }), path).toBeVisible();
  }
  await context.close();
});

// A malformed percent-encoding in a dynamic segment made Next.js answer a bare 500 before any of
// our code ran (lib/net/malformed-path.ts): now the not-found page, and the API's 404 JSON.
test("malformed percent-encoding in a path: the not-found page, or the API's 404 JSON", async ({
  request,
}) => {
  const pages = [
    "/u/%FF",
    "/@%FF",
    "/u/mira%FF",
    "/u/%FF/followers",
    "/a/%FF",
    "/a/%ZZ/versions",
    "/a/%E0%A4%A/diff",
    `/a/${MISSING}/v/%FF`,
    "/a/%FF/forks",
    "/t/%FF",
    "/u/%",
  ];
  for (const path of pages) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    expect(res.headers()["content-type"], path).toContain("text/html");
    expect(res.headers()["content-security-policy"], path).toContain("'nonce-");
    expect((await res.text()).replace(/<script[\s\S]*?<\/script>/g, ""), path).toContain(SENTENCE);
  }
  for (const path of [
    "/api/v1/users/%FF",
    "/api/v1/artifacts/%FF",
    "/api/v1/artifacts/%E0%A4%A/versions",
    `/api/v1/artifacts/${MISSING}/versions/%FF`,
  ]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    expect(await res.json(), path).toEqual({ error: { code: "not_found", message: "Not found." } });
  }
});
