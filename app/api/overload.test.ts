// Issue 13: at 32 connections the pool's connect timeout fired 112 times and each became a 500.
// Overload is now 503 + Retry-After, never a 500: a real pool of one connection, held busy, and
// the next request — a JSON route that waits for the pool and times out, or any request the
// proxy's gate sheds because the pool's queue is already full.
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as sitemapIndex } from "@/app/sitemap.xml/route";
import { GET as apiList } from "@/app/api/v1/artifacts/route";
import { BUSY_MESSAGE, isBusy } from "@/db/busy";
import { createDatabase, type Database } from "@/db/client";
import { appOrigin } from "@/lib/env";
import { overloadResponse, poolOverloaded } from "@/lib/overload/gate";

type Cached = { pool: pg.Pool; db: Database };
const slot = globalThis as unknown as { vitrineDb?: Cached };
let appDb: Cached | undefined;
let tiny: Cached;
let held: pg.PoolClient;

beforeEach(async () => {
  appDb = slot.vitrineDb;
  // One connection, and a shorter wait for it than the 5 s default. Not much shorter: the same
  // timeout bounds opening the held connection itself, which takes a while on a loaded machine.
  tiny = createDatabase(process.env.DATABASE_URL!, { max: 1, connectTimeoutMs: 1500 });
  slot.vitrineDb = tiny;
  held = await tiny.pool.connect();
});

afterEach(async () => {
  held.release();
  slot.vitrineDb = appDb;
  await tiny.pool.end();
});

describe("overload answers 503 with Retry-After, never 500", () => {
  it("a JSON route waiting for a busy pool answers 503 and a sentence", async () => {
    const res = await sitemapIndex();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toEqual({ error: BUSY_MESSAGE });
  });

  it("an /api/v1 route answers 503 in the API's error shape", async () => {
    const res = await apiList(new Request(`${appOrigin()}/api/v1/artifacts`));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toMatchObject({ error: { code: "busy", message: BUSY_MESSAGE } });
  });

  it("the pool's connect timeout is recognised as busy", async () => {
    const err = await tiny.pool.query("select 1").then(
      () => null,
      (e: unknown) => e,
    );
    expect(isBusy(err)).toBe(true);
  });

  it("the proxy's gate sheds pages and JSON once the pool's queue is full, and admits again after", async () => {
    expect(poolOverloaded()).toBe(false);
    expect(overloadResponse(new Request(`${appOrigin()}/`))).toBeNull();
    const waiting = tiny.pool.query("select 1").catch(() => null);
    expect(poolOverloaded()).toBe(true);

    const page = overloadResponse(new Request(`${appOrigin()}/u/someone`))!;
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("5");
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("Vitrine is busy right now");
    const api = overloadResponse(new Request(`${appOrigin()}/api/v1/artifacts`))!;
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ error: { code: "busy" } });
    // Static files never touch the database.
    expect(overloadResponse(new Request(`${appOrigin()}/_next/static/x.js`))).toBeNull();

    held.release();
    await waiting;
    held = await tiny.pool.connect();
    expect(poolOverloaded()).toBe(false);
  });
});
