// bench:scale's statement view: every SQL statement a page's db/queries calls send (captured on
// the pg client, so statements inside transactions count too), each run under EXPLAIN (ANALYZE,
// BUFFERS) on both datasets, with the SET LOCAL settings of its transaction. Shows which statement
// grows with the data instead of guessing from a page total.
import pg from "pg";

export type Statement = { text: string; values: unknown[]; settings: string[] };

/** Runs `fn` and returns the statements it sent, with the SET LOCALs in force for each. */
export async function captureStatements(fn: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const settingsOf = new WeakMap<object, string[]>();
  proto.query = function (this: object, ...args: unknown[]) {
    const [first, second] = args;
    const text =
      typeof first === "string"
        ? first
        : first && typeof first === "object" && "text" in first
          ? String((first as { text: string }).text)
          : null;
    if (text !== null) {
      const t = text.trim().toLowerCase();
      if (t === "begin") settingsOf.set(this, []);
      else if (t === "commit" || t === "rollback") settingsOf.delete(this);
      else if (t.startsWith("set local ")) settingsOf.get(this)?.push(text.trim().slice(10));
      else {
        const values =
          (second as unknown[] | undefined) ?? (first as { values?: unknown[] }).values ?? [];
        seen.push({ text, values, settings: [...(settingsOf.get(this) ?? [])] });
      }
    }
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return seen;
}

export type Explained = {
  plan: string;
  planningMs: number;
  executionMs: number;
  buffers: number;
  rows: number;
};

/** EXPLAIN (ANALYZE, BUFFERS) of a captured statement, in a transaction with its settings. */
export async function explainStatement(pool: pg.Pool, s: Statement): Promise<Explained> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    for (const setting of s.settings) await client.query(`set local ${setting}`);
    const { rows } = await client.query(`explain (analyze, buffers) ${s.text}`, s.values);
    await client.query("rollback");
    const plan = rows.map((r: Record<string, unknown>) => String(Object.values(r)[0])).join("\n");
    const top = plan.split("\n")[0] ?? "";
    const buffers = /Buffers: (.*)/.exec(plan)?.[1] ?? "";
    const sum = [...buffers.matchAll(/(?:hit|read)=(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
    return {
      plan,
      planningMs: Number(/Planning Time: ([\d.]+)/.exec(plan)?.[1] ?? NaN),
      executionMs: Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1] ?? NaN),
      buffers: sum,
      rows: Number(/rows=([\d.]+) loops/.exec(top)?.[1] ?? NaN),
    };
  } finally {
    client.release();
  }
}

/** The statement's text on one line, cut to `width` characters. */
export function oneLine(text: string, width = 110): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}
