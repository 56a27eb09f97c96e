// A JSON Schema (from the OpenAPI document) written as a short TypeScript-like type, for reading.
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  description?: string;
  default?: unknown;
  maxLength?: number;
  minLength?: number;
  maximum?: number;
  minimum?: number;
  format?: string;
};

export const refName = (ref: string) => ref.split("/").pop() ?? ref;

export function typeOf(schema: JsonSchema | undefined, indent = ""): string {
  if (!schema) return "unknown";
  if (schema.$ref) return refName(schema.$ref);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map((s) => typeOf(s, indent)).join(" | ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const rendered = types.map((t) => {
    if (t === "array") return `${typeOf(schema.items, indent)}[]`;
    if (t === "object") {
      if (!schema.properties) {
        const extra = schema.additionalProperties;
        return typeof extra === "object" ? `Record<string, ${typeOf(extra, indent)}>` : "object";
      }
      const inner = indent + "  ";
      const lines = Object.entries(schema.properties).map(([key, value]) => {
        const optional = schema.required?.includes(key) ? "" : "?";
        return `${inner}${key}${optional}: ${typeOf(value, inner)};`;
      });
      return `{\n${lines.join("\n")}\n${indent}}`;
    }
    if (t === "integer") return "integer";
    return t;
  });
  return rendered.join(" | ") || "unknown";
}

/** Limits and defaults worth a word: "≤ 120 chars", "default private". */
export function constraints(schema: JsonSchema | undefined): string {
  if (!schema) return "";
  const parts: string[] = [];
  if (schema.maxLength !== undefined)
    parts.push(`≤ ${schema.maxLength.toLocaleString("en")} chars`);
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  if (schema.format) parts.push(schema.format);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(", ");
}
