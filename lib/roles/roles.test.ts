import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The real entry points, as an operator starts them: production mode without its variables stops
// before touching anything (no embedded database, no build, no queue) and names what is missing.
const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

function start(args: string[], extra: Record<string, string>) {
  const envVars: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    ...extra,
  };
  return spawnSync(tsx, args, {
    cwd: root,
    env: envVars as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("production roles refuse an incomplete configuration", () => {
  it("npm start / start:web under NODE_ENV=production name every missing variable and start nothing", () => {
    for (const mode of ["start", "web"]) {
      const run = start(["lib/runner.ts", mode], { NODE_ENV: "production", PORT: "1" });
      expect(run.status, run.stderr).toBe(1);
      for (const name of ["DATABASE_URL", "AUTH_SECRET", "APP_ORIGIN", "PREVIEW_ORIGIN"])
        expect(run.stderr).toContain(`${name} is required in production`);
      expect(run.stdout).not.toContain("embedded PostgreSQL");
    }
  });

  it("the worker names the variable it lacks", () => {
    const run = start(["--conditions=react-server", "lib/roles/worker-main.ts"], {
      NODE_ENV: "production",
      DATABASE_URL: "postgres://u:p@127.0.0.1:1/x",
      AUTH_SECRET: "y".repeat(40),
      APP_ORIGIN: "https://vitrine.example",
    });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain("PREVIEW_ORIGIN is required in production");
  });
});
