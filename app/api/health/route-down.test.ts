import { describe, expect, it } from "vitest";

// Its own file: the env is read once per process, and this one points at a port nothing listens on.
process.env.DATABASE_URL = "postgres://nobody:nothing@127.0.0.1:9/none";

describe("/api/health without a database", () => {
  it("answers 503 with a sentence, not a stack trace", async () => {
    const { GET } = await import("./route");
    const res = await GET();
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.database).toBe("down");
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js|ECONNREFUSED/);
  });
});
