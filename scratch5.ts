import { diffTextsAsync } from "@/lib/diff/run";
import { adversarialCases } from "@/domain/diff/cases";
const cs = adversarialCases();
const t0 = performance.now();
let ticks = 0; const iv = setInterval(() => ticks++, 5);
const rs = await Promise.all(cs.map((c) => diffTextsAsync(c.a, c.b, false)));
clearInterval(iv);
for (const [i, r] of rs.entries()) console.log(cs[i]!.name, r.where, r.added, r.removed, r.exact);
console.log("ms", (performance.now() - t0).toFixed(0), "ticks", ticks);
