import { BODY_EXAMPLES } from "./examples";
import { constraints, refName, typeOf, type JsonSchema } from "./schema-type";

// The /docs/api reference, rendered on the server from the OpenAPI document: each endpoint with
// its parameters, body, answers and a curl line, then every schema. No script, no CDN.

type Parameter = {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
};
type Media = { content?: Record<string, { schema?: JsonSchema }>; description?: string };
type Operation = {
  summary?: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: Media;
  responses?: Record<string, Media>;
};
export type OpenApiDoc = {
  info: { title: string; description?: string };
  servers?: { url: string }[];
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

const METHOD_COLOURS: Record<string, string> = {
  get: "bg-sky-100 text-sky-900",
  post: "bg-emerald-100 text-emerald-900",
  put: "bg-amber-100 text-amber-900",
  patch: "bg-violet-100 text-violet-900",
  delete: "bg-red-100 text-red-900",
};

export const anchor = (method: string, path: string) =>
  `${method}-${path.replace(/[{}]/g, "").replace(/[^a-z0-9]+/gi, "-")}`.replace(/-+$/, "");

function curl(base: string, method: string, path: string, op: Operation): string {
  const url =
    base + path.replace("{id}", "$ID").replace("{version}", "1").replace("{handle}", "alice");
  const lines = [`curl${method === "get" ? "" : ` -X ${method.toUpperCase()}`} "${url}"`];
  if (op.security?.length || method !== "get")
    lines.push(`  -H "Authorization: Bearer $VITRINE_TOKEN"`);
  const ref = op.requestBody?.content?.["application/json"]?.schema?.$ref;
  const example = ref ? BODY_EXAMPLES[refName(ref)] : undefined;
  if (example !== undefined) {
    lines.push(`  -H "Content-Type: application/json"`);
    if (op.parameters?.some((p) => p.name === "idempotency-key"))
      lines.push(`  -H "Idempotency-Key: $(uuidgen)"`);
    lines.push(`  -d '${JSON.stringify(example)}'`);
  }
  return lines.join(" \\\n");
}

function Params({ params }: { params: Parameter[] }) {
  if (!params.length) return null;
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs text-zinc-500 uppercase">
        <tr>
          <th className="py-1 pr-3 font-medium">Parameter</th>
          <th className="py-1 pr-3 font-medium">In</th>
          <th className="py-1 font-medium">Type and meaning</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 align-top">
        {params.map((p) => (
          <tr key={`${p.in}-${p.name}`}>
            <td className="py-1.5 pr-3 font-mono text-xs">
              {p.name}
              {p.required ? "" : "?"}
            </td>
            <td className="py-1.5 pr-3 text-zinc-600">{p.in}</td>
            <td className="py-1.5 text-zinc-700">
              <code className="text-xs">{typeOf(p.schema)}</code>
              {constraints(p.schema) && (
                <span className="text-zinc-500"> · {constraints(p.schema)}</span>
              )}
              {p.description && <span> — {p.description}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Endpoint({
  base,
  method,
  path,
  op,
}: {
  base: string;
  method: string;
  path: string;
  op: Operation;
}) {
  const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
  return (
    <section
      id={anchor(method, path)}
      className="scroll-mt-20 space-y-3 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <h3 className="flex flex-wrap items-center gap-2 text-base font-semibold">
        <span
          className={`rounded px-2 py-0.5 font-mono text-xs uppercase ${METHOD_COLOURS[method] ?? ""}`}
        >
          {method}
        </span>
        <code className="font-mono text-sm break-all">{path}</code>
      </h3>
      <p className="text-sm text-zinc-700">
        {op.summary}
        {op.security?.length
          ? " · needs a write token"
          : " · a token is optional (public artifacts)"}
      </p>
      <Params params={op.parameters ?? []} />
      {bodySchema && (
        <p className="text-sm">
          Body (JSON):{" "}
          <a
            className="text-brand-700 font-mono underline"
            href={`#schema-${refName(bodySchema.$ref ?? "")}`}
          >
            {typeOf(bodySchema)}
          </a>
        </p>
      )}
      <ul className="space-y-0.5 text-sm text-zinc-700">
        {Object.entries(op.responses ?? {}).map(([status, r]) => {
          const schema = r.content?.["application/json"]?.schema;
          return (
            <li key={status}>
              <code className="font-mono text-xs font-semibold">{status}</code> {r.description}
              {schema?.$ref && status.startsWith("2") && (
                <>
                  {" "}
                  →{" "}
                  <a
                    className="text-brand-700 font-mono underline"
                    href={`#schema-${refName(schema.$ref)}`}
                  >
                    {refName(schema.$ref)}
                  </a>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <pre
        tabIndex={0}
        className="overflow-x-auto rounded-md bg-zinc-900 p-3 text-xs text-zinc-100"
      >
        <code>{curl(base, method, path, op)}</code>
      </pre>
    </section>
  );
}

export function ApiReference({ doc }: { doc: OpenApiDoc }) {
  const base = doc.servers?.[0]?.url ?? "/api/v1";
  const endpoints = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <div className="space-y-8">
      <nav
        aria-label="Endpoints"
        className="rounded-xl border border-zinc-200 bg-white p-4 text-sm shadow-sm"
      >
        <h2 className="mb-2 text-base font-semibold">Endpoints</h2>
        <ul className="grid gap-1 sm:grid-cols-2">
          {endpoints.map(({ path, method, op }) => (
            <li key={`${method} ${path}`} className="min-w-0">
              <a className="text-brand-700 hover:underline" href={`#${anchor(method, path)}`}>
                <span className="font-mono text-xs uppercase">{method}</span>{" "}
                <span className="font-mono text-xs break-all">{path}</span>
              </a>{" "}
              <span className="text-zinc-600">— {op.summary}</span>
            </li>
          ))}
        </ul>
      </nav>
      <div className="space-y-4">
        {endpoints.map(({ path, method, op }) => (
          <Endpoint key={`${method} ${path}`} base={base} method={method} path={path} op={op} />
        ))}
      </div>
      <section aria-labelledby="schemas-heading" className="space-y-3">
        <h2 id="schemas-heading" className="text-xl font-semibold">
          Schemas
        </h2>
        {Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => (
          <div
            key={name}
            id={`schema-${name}`}
            className="scroll-mt-20 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm"
          >
            <h3 className="font-mono text-sm font-semibold">{name}</h3>
            {schema.description && (
              <p className="mt-1 text-sm text-zinc-700">{schema.description}</p>
            )}
            <pre
              tabIndex={0}
              className="mt-2 overflow-x-auto rounded-md bg-zinc-50 p-3 text-xs text-zinc-800"
            >
              <code>{typeOf(schema)}</code>
            </pre>
          </div>
        ))}
      </section>
    </div>
  );
}
