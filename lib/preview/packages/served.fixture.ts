// Test input for the resolver's pure functions: what a build of the registry serves, with
// predictable URLs (the real build adds content hashes; the shape is the same).
import type { Served } from "./cdn";
import { ESM_ALIASES, PACKAGES } from "./registry";

const url = (s: string) => `/sandbox/pkg/esm/${s.replace(/[^A-Za-z0-9_-]+/g, "_")}.js`;

const imports: Record<string, string> = {};
for (const pkg of PACKAGES) for (const s of pkg.esm) imports[s] = url(s);
for (const [alias, target] of Object.entries(ESM_ALIASES)) imports[alias] = imports[target]!;
imports["@/components/ui/card"] = url("ui/card");
imports["@/lib/utils"] = url("ui/utils");

export const SERVED: Served = {
  imports,
  umd: Object.fromEntries(
    PACKAGES.filter((p) => p.umd).map((p) => [
      p.name,
      Object.fromEntries(
        Object.keys(p.umd!).map((id) => [
          id,
          `/sandbox/pkg/umd/${p.name.replace("/", "_")}_${id}.js`,
        ]),
      ),
    ]),
  ),
  css: { katex: "/sandbox/pkg/css/katex-0123456789ab/katex.min.css" },
};
