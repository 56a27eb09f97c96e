// JSX/TSX → plain JavaScript ES module, on the server, so the frame never needs a compiler. Imports
// stay ES imports: the frame runs the result as a module whose bare specifiers resolve through the
// preview's import map (the vendored package set); payload.ts names any the set does not have.
import { createHash } from "node:crypto";
import { transform } from "sucrase";

export type TranspileResult = { ok: true; code: string } | { ok: false; message: string };

function describeSyntaxError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  // Sucrase reports "Unexpected token (3:12)"; say it the way people read it.
  const at = /\((\d+):(\d+)\)\s*$/.exec(message);
  const text = message.replace(/\s*\(\d+:\d+\)\s*$/, "");
  return at
    ? `Syntax error on line ${at[1]}, column ${Number(at[2]) + 1}: ${text}`
    : `Syntax error: ${text}`;
}

export function transpileReact(code: string, language: string): TranspileResult {
  try {
    const output = transform(code, {
      transforms: language === "jsx" ? ["jsx"] : ["jsx", "typescript"],
      jsxRuntime: "automatic",
      production: true,
      // An unused `import "x"` still names a package the author expects to load (type-only imports vanish).
      keepUnusedImports: true,
      filePath: language === "jsx" ? "artifact.jsx" : "artifact.tsx",
    }).code;
    return { ok: true, code: output };
  } catch (err) {
    return { ok: false, message: describeSyntaxError(err) };
  }
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
