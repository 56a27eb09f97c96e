import { diffTexts } from "@/domain/diff/engine";
import { adversarialCases, perfCases } from "@/domain/diff/cases";
const cs = [...adversarialCases(), ...perfCases().map(c => ({ name: c.name, a: c.a.join("\n")+"\n", b: c.b.join("\n")+"\n" }))];
for (let r = 0; r < 2; r++) for (const c of cs) { const t0 = performance.now(); const d = diffTexts(c.a, c.b); console.log(r, c.name, (performance.now()-t0).toFixed(1), d.added, d.removed, d.exact); }
