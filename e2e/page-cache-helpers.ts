import { createHash, randomBytes } from "node:crypto";
import {
  request as playwrightRequest,
  type APIRequestContext,
  type Browser,
} from "@playwright/test";
import { expect, query, signIn, test } from "./fixtures";

// Helpers of e2e/page-cache.spec.ts, page-cache-writes.spec.ts and smoke/page-cache.spec.ts:
// anonymous reads that say whether the shared page cache answered (x-vitrine-cache), writes through
// the public API, and pages signed in as someone.

export type Read = { status: number; cache: string | undefined; text: string; csp: string };

/** A cookie-less client: every request is an anonymous visitor's. */
export async function anonymous(baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
}

export async function read(client: APIRequestContext, path: string): Promise<Read> {
  const res = await getOnce(client, path);
  return {
    status: res.status(),
    cache: res.headers()["x-vitrine-cache"],
    text: await res.text(),
    csp: res.headers()["content-security-policy"] ?? "",
  };
}

/**
 * A GET, sent once more when the kept-alive connection it reused was closed by the server just as
 * it was sent (ECONNRESET after the server's 5 s keep-alive timeout, while a test was busy in a
 * browser): what browsers do for an idempotent request. Any other error fails the test.
 */
async function getOnce(client: APIRequestContext, path: string) {
  try {
    return await client.get(path, { maxRedirects: 0 });
  } catch (err) {
    if (!/ECONNRESET/.test(String(err))) throw err;
    return client.get(path, { maxRedirects: 0 });
  }
}

/** A page in a context of its own at `baseURL`, signed in as `person` (or anonymous). */
export async function pageAs(
  browser: Browser,
  baseURL: string,
  person: { email: string; password: string } | null,
  userAgent?: string,
) {
  const context = await browser.newContext({ baseURL, userAgent });
  const page = await context.newPage();
  if (person) await signIn(page, person.email, person.password);
  return page;
}

/** Reads `path` until the cache answers it (a miss stores after its response), then returns the hit. */
export async function prime(client: APIRequestContext, path: string): Promise<Read> {
  let last: Read | undefined;
  await expect
    .poll(
      async () => {
        last = await read(client, path);
        return last.cache;
      },
      { message: `cache hit for ${path}`, timeout: 15_000, intervals: [100, 200, 500] },
    )
    .toBe("hit");
  return last!;
}

/** A write-scope API token for `userId`, made in the database (tokens.spec.ts tests the UI). */
export async function tokenFor(userId: string): Promise<string> {
  const token = `vit_${randomBytes(32).toString("base64url")}`;
  await query(
    "insert into api_tokens (user_id, name, scope, token_hash, prefix) values ($1, 'cache', 'write', $2, $3)",
    [userId, createHash("sha256").update(token).digest("hex"), token.slice(0, 10)],
  );
  return token;
}

export class Api {
  constructor(
    private readonly client: APIRequestContext,
    private readonly token: string,
  ) {}

  async call(method: string, path: string, data?: unknown) {
    const res = await this.client.fetch(`/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}` },
      data,
    });
    expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
    return res.status() === 204 ? null : ((await res.json()) as Record<string, unknown>);
  }

  async publish(title: string, code = `<h1>${title}</h1>`): Promise<string> {
    const body = await this.call("POST", "/artifacts", {
      title,
      language: "html",
      code,
      visibility: "public",
    });
    return String(body!.id);
  }
}

export function unique(prefix: string) {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export { expect, test };
