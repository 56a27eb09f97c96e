import { describe, expect, it } from "vitest";
import { env, productionConfigProblems } from "./env";

// Production refuses each missing or unsafe variable with a sentence that names it.
const good = {
  ...env,
  NODE_ENV: "production" as const,
  VITRINE_DEMO: "0" as const,
  DATABASE_URL: "postgres://vitrine:pw@db:5432/vitrine",
  AUTH_SECRET: "x".repeat(40),
  APP_ORIGIN: "https://vitrine.example",
  PREVIEW_ORIGIN: "https://vitrine-preview.example",
};

describe("production configuration", () => {
  it("accepts a complete configuration", () => {
    expect(productionConfigProblems(good)).toEqual([]);
  });

  it.each(["DATABASE_URL", "AUTH_SECRET", "APP_ORIGIN", "PREVIEW_ORIGIN"] as const)(
    "refuses a missing %s, by name",
    (name) => {
      const problems = productionConfigProblems({ ...good, [name]: undefined });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^${name} is required in production`));
    },
  );

  it("refuses a short AUTH_SECRET and a preview origin on the app's site", () => {
    expect(productionConfigProblems({ ...good, AUTH_SECRET: "short" })).toEqual([
      expect.stringMatching(/^AUTH_SECRET is too short/),
    ]);
    const sameSite = productionConfigProblems({
      ...good,
      APP_ORIGIN: "https://app.vitrine.example",
      PREVIEW_ORIGIN: "https://preview.vitrine.example",
    });
    expect(sameSite).toEqual([
      expect.stringMatching(
        /^PREVIEW_ORIGIN \(preview\.vitrine\.example\) must be on another site/,
      ),
    ]);
  });

  it("asks nothing of the demo: development, or production with VITRINE_DEMO=1", () => {
    const bare = {
      ...env,
      DATABASE_URL: undefined,
      AUTH_SECRET: undefined,
      APP_ORIGIN: undefined,
      PREVIEW_ORIGIN: undefined,
    };
    expect(productionConfigProblems({ ...bare, NODE_ENV: "development" })).toEqual([]);
    expect(
      productionConfigProblems({ ...bare, NODE_ENV: "production", VITRINE_DEMO: "1" }),
    ).toEqual([]);
  });
});
