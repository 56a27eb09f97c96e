// JSX/TSX → plain CommonJS-style JavaScript, on the server, so the frame never needs eval or a
// compiler. The frame supplies `require` for react and react-dom only; any other import is refused
// here with a sentence the author understands, and again by the frame's `require` as a backstop.
import { createHash } from "node:crypto";
import { transform } from "sucrase";

export const ALLOWED_IMPORTS = ["react", "react-dom", "react-dom/client", "react/jsx-runtime"] as const;

export type TranspileResult = { ok: true; code: string } | { ok: false; message: string };

/** The message shown inside the preview when an artifact imports other packages. */
export function importErrorMessage(names: string[]): string {
  return `Imports other than react and react-dom are not available in the preview: ${names.join(", ")}`;
}

// Sucrase's imports transform turns every `import … from "x"`, `export … from "x"` and
// `import("x")` into a `require("x")` call of exactly this shape.
const REQUIRE_CALL = /\brequire\((['"])([^'"\n]+)\1\)/g;

/** The module names a transpiled artifact requires, in order, without duplicates. */
export function requiredModules(transpiled: string): string[] {
  return [...new Set([...transpiled.matchAll(REQUIRE_CALL)].map((m) => m[2]!))];
}

function describeSyntaxError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  // Sucrase reports "Unexpected token (3:12)"; say it the way people read it.
  const at = /\((\d+):(\d+)\)\s*$/.exec(message);
  const text = message.replace(/\s*\(\d+:\d+\)\s*$/, "");
  return at ? `Syntax error on line ${at[1]}, column ${Number(at[2]) + 1}: ${text}` : `Syntax error: ${text}`;
}

export function transpileReact(code: string, language: string): TranspileResult {
  let output: string;
  try {
    output = transform(code, {
      transforms: language === "jsx" ? ["jsx", "imports"] : ["jsx", "typescript", "imports"],
      jsxRuntime: "automatic",
      production: true,
      // Refuse an unused `import x from "lodash"` too, as the author would expect (type-only imports still vanish).
      keepUnusedImports: true,
      filePath: language === "jsx" ? "artifact.jsx" : "artifact.tsx",
    }).code;
  } catch (err) {
    return { ok: false, message: describeSyntaxError(err) };
  }
  const allowed = new Set<string>(ALLOWED_IMPORTS);
  const others = requiredModules(output).filter((name) => !allowed.has(name));
  if (others.length > 0) return { ok: false, message: importErrorMessage(others) };
  return { ok: true, code: output };
}

// Artifact pages are viewed far more often than they change: remember recent results by content.
const cache = new Map<string, TranspileResult>();
const CACHE_ENTRIES = 200;

export function transpileReactCached(code: string, language: string): TranspileResult {
  const key = createHash("sha256").update(language).update("\0").update(code).digest("hex");
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = transpileReact(code, language);
  cache.set(key, result);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return result;
}
