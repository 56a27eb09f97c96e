import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Static guard for the public pages' JavaScript (issue 13 item 5, Lighthouse performance): zod is
// ~32 KB gzip of script that every visitor would download and evaluate, and it came in once through
// a shared domain module that a client component imported for one helper. Only the signed-in forms
// below validate on the client; no other client component may reach zod through static imports
// (a dynamic import() is a separate chunk, loaded on demand, and is allowed).

const ROOT = path.resolve(import.meta.dirname, "..");
const HEAVY_PACKAGES = ["zod"];
/** Signed-in forms that validate before submitting: never rendered on a public page. */
const ALLOWED_CLIENTS = new Set([
  "components/editor/edit-form.tsx",
  "components/editor/chat-import-field.tsx",
  "components/artifact/settings-form.tsx",
  "components/artifact/publish-form.tsx",
  "components/archive/import-form.tsx",
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

const directive = (file: string, name: string) =>
  new RegExp(`^\\s*["']${name}["']`).test(readFileSync(path.join(ROOT, file), "utf8"));

/** Static, value (not type-only) import and re-export specifiers of one file. */
export function valueImports(code: string): string[] {
  const source = ts.createSourceFile("x.tsx", code, ts.ScriptTarget.Latest, false);
  const specs: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          clause.namedBindings &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) specs.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      specs.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specs;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? spec.slice(2)
    : spec.startsWith(".")
      ? path.join(path.dirname(from), spec)
      : null;
  if (base === null) return null;
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`])
    if (existsSync(path.join(ROOT, candidate))) return candidate;
  return null;
}

/** The import chain from a client component to a heavy package, or null when there is none. */
function chainToHeavy(entry: string): string[] | null {
  const parent = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    // A server action is called over the network: its imports stay on the server.
    if (file !== entry && directive(file, "use server")) continue;
    for (const spec of valueImports(readFileSync(path.join(ROOT, file), "utf8"))) {
      if (HEAVY_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`))) {
        const chain = [spec, file];
        for (let f = parent.get(file); f; f = parent.get(f)) chain.push(f);
        return chain.reverse();
      }
      const next = resolveLocal(file, spec);
      if (next && !parent.has(next)) {
        parent.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

describe("client JavaScript of public pages", () => {
  const clients = ["app", "components", "lib"]
    .flatMap(sourceFiles)
    .filter((f) => directive(f, "use client"));

  it("finds the client components it checks", () => {
    expect(clients).toContain("components/gallery/gallery-controls.tsx");
    expect(clients).toContain("components/like/like-button.tsx");
  });

  it("no client component outside the signed-in forms reaches zod by a static import", () => {
    const offenders = clients
      .filter((f) => !ALLOWED_CLIENTS.has(f))
      .map(chainToHeavy)
      .filter((c): c is string[] => c !== null)
      .map((c) => c.join(" → "));
    expect(offenders).toEqual([]);
  });

  it("reads type-only imports as not shipping code", () => {
    expect(
      valueImports(
        'import type { A } from "zod";\nimport { type B } from "x";\nimport { c } from "y";\nexport { d } from "w";',
      ),
    ).toEqual(["y", "w"]);
  });
});
