// Shared by the sandbox specs (SECURITY.md "Sandbox", reference §1.6): an owner with a live session
// and a canary cookie to steal, artifacts written straight into the e2e database, and probe pages
// that report what they got into <pre id="out"> inside the preview frame.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { Browser, BrowserContext, Cookie, Frame, Page, Request } from "@playwright/test";
import { PREVIEW_URL, expect, query, signIn } from "../fixtures";

export const APP_URL = process.env.E2E_BASE_URL ?? "http://localhost:3000";
export const CANARY = `canary-${randomBytes(8).toString("hex")}`;

export const owner = {
  id: "",
  email: "",
  password: `sandbox-${randomBytes(8).toString("hex")}`,
  session: [] as Cookie[],
};

/** A fresh owner, signed in once; its cookies are replayed in every test that needs a session to steal. */
export async function createSignedInOwner(browser: Browser): Promise<void> {
  const handle = `sandbox_${randomBytes(4).toString("hex")}`;
  owner.email = `${handle}@example.test`;
  const [user] = await query<{ id: string }>(
    "insert into users (email, name, password_hash) values ($1, $2, $3) returning id",
    [owner.email, handle, await hash(owner.password)],
  );
  await query("insert into profiles (user_id, handle) values ($1, $2)", [user!.id, handle]);
  owner.id = user!.id;
  const context = await browser.newContext();
  await signIn(await context.newPage(), owner.email, owner.password);
  owner.session = await context.cookies();
  await context.close();
  expect(owner.session.length, "signing in set a session cookie").toBeGreaterThan(0);
}

/** A public artifact with one version, written straight into the e2e database. */
export async function createArtifact(
  language: string,
  code: string,
  title = `Sandbox probe ${language}`,
): Promise<string> {
  const id = randomUUID();
  const versionId = randomUUID();
  const sha = createHash("sha256").update(code).digest("hex");
  await query(
    "insert into artifacts (id, owner_user_id, title, visibility) values ($1, $2, $3, 'public')",
    [id, owner.id, title],
  );
  await query(
    `insert into artifact_versions (id, artifact_id, version_index, code_blob_ref, code_language, code_content, stats, code_references)
     values ($1, $2, 1, $3, $4, $5, $6, $7)`,
    [
      versionId,
      id,
      `sha256:${sha}`,
      language,
      code,
      JSON.stringify({
        lines: code.split("\n").length,
        bytes: Buffer.byteLength(code),
        added: 0,
        removed: 0,
      }),
      JSON.stringify([{ ref: `sha256:${sha}`, sha256: sha, bytes: Buffer.byteLength(code) }]),
    ],
  );
  await query("update artifacts set current_version_id = $1 where id = $2", [versionId, id]);
  return id;
}

/** Signed in as the owner, plus a readable canary cookie on the app origin. */
export async function signInWithCanary(context: BrowserContext) {
  await context.addCookies([
    ...owner.session,
    {
      name: "canary",
      value: CANARY,
      domain: "localhost",
      path: "/",
      httpOnly: false,
      sameSite: "Lax",
    },
  ]);
}

/** Values that must never show up in anything the frame sees or says. */
export function secrets(): string[] {
  return [CANARY, ...owner.session.map((c) => c.value).filter((v) => v.length >= 16)];
}

/**
 * Every request the browser makes, every page it opens, every console line, and (on the app page)
 * every message from the frame and every CSP violation the app's own policy reports.
 */
export async function watch(page: Page) {
  const requests: Request[] = [];
  const pages: Page[] = [];
  const console: string[] = [];
  page.context().on("request", (r) => requests.push(r));
  page.context().on("page", (p) => pages.push(p));
  page.on("console", (m) => console.push(m.text()));
  await page.addInitScript(() => {
    if (window.top !== window) return;
    const w = window as unknown as { __seen: string[]; __appViolations: string[] };
    w.__seen = [];
    w.__appViolations = [];
    window.addEventListener("message", (e) => w.__seen.push(JSON.stringify(e.data)));
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__appViolations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  return { requests, pages, console };
}

export const seenByApp = (page: Page) =>
  page.evaluate(() => (window as unknown as { __seen: string[] }).__seen.join("\n"));
export const appViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __appViolations: string[] }).__appViolations);

/**
 * Requests matching `match` that got past the browser. Chromium still reports a request the CSP
 * refused (failure "csp", no response); those never left the browser, so they do not count.
 */
export async function reachedNetwork(
  requests: Request[],
  match: (url: string, request: Request) => boolean,
): Promise<string[]> {
  const reached: string[] = [];
  for (const q of requests.filter((r) => match(r.url(), r))) {
    const response = await q.response();
    if (response || !/csp|blocked/i.test(q.failure()?.errorText ?? ""))
      reached.push(`${q.method()} ${q.url()}`);
  }
  return reached;
}

export function preview(page: Page) {
  return page.frameLocator('iframe[title^="Preview of"]');
}

/** The preview frame itself, for reading what the artifact page recorded. */
export async function previewFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().startsWith(PREVIEW_URL))).toBe(true);
  return page.frames().find((f) => f.url().startsWith(PREVIEW_URL))!;
}

export async function probeResults(page: Page): Promise<Record<string, unknown>> {
  const out = preview(page).locator("#out[data-done]");
  await expect(out).toBeAttached({ timeout: 15_000 });
  return JSON.parse((await out.textContent()) ?? "{}");
}

/** CSP violations seen inside the frame so far ("directive blockedURI"), recorded by probeArtifact. */
export async function frameViolations(page: Page): Promise<string[]> {
  const frame = await previewFrame(page);
  try {
    return await frame.evaluate(
      () => (window as unknown as { __violations?: string[] }).__violations ?? [],
    );
  } catch (error) {
    // The shim rewrites the frame's document to render the artifact: ask again on the next poll.
    if (/context was destroyed|navigat/i.test(String(error))) return [];
    throw error;
  }
}

/**
 * An HTML artifact that runs `body` (async JS; `t(name, fn)` records a result in `r`) and reports into
 * <pre id="out">. CSP violations are collected live in window.__violations: tests wait for the ones
 * they expect instead of sleeping.
 */
export function probeArtifact(body: string, extraHtml = ""): string {
  return `<!doctype html><html><head><script>
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.effectiveDirective + " " + e.blockedURI));
</script></head><body>${extraHtml}<pre id="out">running</pre>
<script>
const r = {};
const t = (name, fn) => { try { r[name] = String(fn()); } catch (e) { r[name] = "threw " + e.name; } };
(async () => {
${body}
  const out = document.getElementById("out");
  out.textContent = JSON.stringify(r);
  out.dataset.done = "1";
})();
</script></body></html>`;
}
