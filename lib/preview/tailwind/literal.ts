// Reads a JavaScript object literal (the `tailwind.config = { … }` of a play-CDN page) as data,
// without ever running it: artifact code is hostile and the server must not evaluate it.
// Strings, numbers, booleans, null, arrays and objects are kept; anything else (functions,
// require(), variables, spreads, template interpolation) drops the property or element it is in.

type Token = { kind: "punct" | "string" | "number" | "ident"; value: string; end: number };

const UNSUPPORTED = Symbol("unsupported");
type Value = unknown | typeof UNSUPPORTED;

class Reader {
  pos: number;
  constructor(
    private readonly src: string,
    start: number,
  ) {
    this.pos = start;
  }

  private skipSpaceAndComments() {
    for (;;) {
      const rest = this.src.slice(this.pos, this.pos + 2);
      if (/^\s/.test(rest)) this.pos += 1;
      else if (rest === "//") {
        const nl = this.src.indexOf("\n", this.pos);
        this.pos = nl === -1 ? this.src.length : nl + 1;
      } else if (rest === "/*") {
        const close = this.src.indexOf("*/", this.pos + 2);
        this.pos = close === -1 ? this.src.length : close + 2;
      } else return;
    }
  }

  peek(): Token | null {
    this.skipSpaceAndComments();
    const s = this.src;
    const c = s[this.pos];
    if (c === undefined) return null;
    if ("{}[]:,()".includes(c)) return { kind: "punct", value: c, end: this.pos + 1 };
    if (c === '"' || c === "'" || c === "`") {
      let out = "";
      let interpolated = false;
      let i = this.pos + 1;
      while (i < s.length && s[i] !== c) {
        if (s[i] === "\\" && i + 1 < s.length) {
          const next = s[i + 1]!;
          out += next === "n" ? "\n" : next === "t" ? "\t" : next;
          i += 2;
        } else if (c === "`" && s[i] === "$" && s[i + 1] === "{") {
          // Interpolation: not data. Skip to its closing brace; the whole template is unsupported.
          interpolated = true;
          let depth = 0;
          for (i += 1; i < s.length; i++) {
            if (s[i] === "{") depth += 1;
            else if (s[i] === "}" && --depth === 0) break;
          }
          i += 1;
        } else out += s[i++];
      }
      return {
        kind: interpolated ? "ident" : "string",
        value: interpolated ? "`" : out,
        end: i + 1,
      };
    }
    const number = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/i.exec(s.slice(this.pos, this.pos + 40));
    if (number) return { kind: "number", value: number[0], end: this.pos + number[0].length };
    const ident = /^[A-Za-z_$][\w$]*/.exec(s.slice(this.pos, this.pos + 200));
    if (ident) return { kind: "ident", value: ident[0], end: this.pos + ident[0].length };
    return { kind: "ident", value: c, end: this.pos + 1 }; // an operator: not data
  }

  next(): Token | null {
    const token = this.peek();
    if (token) this.pos = token.end;
    return token;
  }

  /** Skips one expression we do not understand, up to the `,` or closing bracket that ends it. */
  skipExpression() {
    let depth = 0;
    for (let token = this.peek(); token; token = this.peek()) {
      if (token.kind === "punct") {
        if ("{[(".includes(token.value)) depth += 1;
        else if ("}])".includes(token.value)) {
          if (depth === 0) return;
          depth -= 1;
        } else if (token.value === "," && depth === 0) return;
      }
      this.pos = token.end;
    }
  }

  value(): Value {
    const token = this.peek();
    if (!token) throw new Error("unexpected end");
    if (token.kind === "punct" && token.value === "{") return this.object();
    if (token.kind === "punct" && token.value === "[") return this.array();
    const start = this.pos;
    this.pos = token.end;
    const after = this.peek();
    const complete = !after || (after.kind === "punct" && ",}]".includes(after.value));
    if (complete && token.kind === "string") return token.value;
    if (complete && token.kind === "number") return Number(token.value);
    if (complete && token.kind === "ident" && ["true", "false", "null"].includes(token.value))
      return JSON.parse(token.value);
    this.pos = start;
    this.skipExpression();
    return UNSUPPORTED;
  }

  private object(): Record<string, unknown> {
    this.next(); // {
    const out: Record<string, unknown> = {};
    for (;;) {
      const token = this.next();
      if (!token) throw new Error("unexpected end");
      if (token.kind === "punct" && token.value === "}") return out;
      if (token.kind === "punct" && token.value === ",") continue;
      const key =
        token.kind === "string" || token.kind === "ident" || token.kind === "number"
          ? token.value
          : null;
      const colon = this.peek();
      if (key === null || key === "..." || !colon || colon.value !== ":") {
        // A spread, a method or a shorthand property: not data.
        this.skipExpression();
        continue;
      }
      this.next(); // :
      const value = this.value();
      if (value !== UNSUPPORTED && key !== "__proto__") out[key] = value;
    }
  }

  private array(): unknown[] {
    this.next(); // [
    const out: unknown[] = [];
    for (;;) {
      const token = this.peek();
      if (!token) throw new Error("unexpected end");
      if (token.kind === "punct" && token.value === "]") {
        this.next();
        return out;
      }
      if (token.kind === "punct" && token.value === ",") {
        this.next();
        continue;
      }
      const value = this.value();
      if (value !== UNSUPPORTED) out.push(value);
    }
  }
}

/** The object literal that starts at `start` (at its `{`) as plain data, or null if it is not one. */
export function readObjectLiteral(source: string, start: number): Record<string, unknown> | null {
  try {
    const reader = new Reader(source, start);
    const value = reader.value();
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The `tailwind.config = { … }` of a play-CDN page, read as data (the last one wins, as in a browser). */
export function readPlayCdnConfig(html: string): Record<string, unknown> | null {
  let found: Record<string, unknown> | null = null;
  for (const match of html.matchAll(/tailwind\.config\s*=\s*(?=\{)/g)) {
    found = readObjectLiteral(html, match.index + match[0].length) ?? found;
  }
  return found;
}
