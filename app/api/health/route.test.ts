import { describe, expect, it } from "vitest";

describe("/api/health", () => {
  it("answers 200 while the database is reachable", async () => {
    const { GET } = await import("./route");
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ database: "up" });
  });
});
