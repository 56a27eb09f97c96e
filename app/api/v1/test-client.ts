// Test helper (not a test): calls the /api/v1 route handlers with real Request objects, the way
// Next.js does, and checks every answer against the OpenAPI document (the contract test): a status
// the document does not list for the operation, or a body that does not match its schema, fails.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import * as artifacts from "./artifacts/route";
import * as artifact from "./artifacts/[id]/route";
import * as versions from "./artifacts/[id]/versions/route";
import * as oneVersion from "./artifacts/[id]/versions/[version]/route";
import * as restore from "./artifacts/[id]/versions/[version]/restore/route";
import * as diff from "./artifacts/[id]/diff/route";
import * as forks from "./artifacts/[id]/forks/route";
import * as sync from "./artifacts/[id]/sync/route";
import * as like from "./artifacts/[id]/like/route";
import * as comments from "./artifacts/[id]/comments/route";
import * as users from "./users/[handle]/route";
import * as exportZip from "./artifacts/[id]/export/route";
import * as imports from "./imports/route";

const ROUTES: [string, Record<string, unknown>][] = [
  ["/artifacts", artifacts],
  ["/artifacts/{id}", artifact],
  ["/artifacts/{id}/versions", versions],
  ["/artifacts/{id}/versions/{version}", oneVersion],
  ["/artifacts/{id}/versions/{version}/restore", restore],
  ["/artifacts/{id}/diff", diff],
  ["/artifacts/{id}/forks", forks],
  ["/artifacts/{id}/sync", sync],
  ["/artifacts/{id}/like", like],
  ["/artifacts/{id}/comments", comments],
  ["/users/{handle}", users],
  ["/artifacts/{id}/export", exportZip],
  ["/imports", imports],
];

export const document = openApiDocument("http://localhost");
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(document as object, "openapi");

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

/** Statuses seen per operation, so a test can assert that every documented answer was exercised. */
export const seen = new Set<string>();

function match(path: string): {
  template: string;
  module: Record<string, unknown>;
  params: Record<string, string>;
} {
  const pathname = path.split("?")[0]!;
  for (const [template, module] of ROUTES) {
    const names: string[] = [];
    const re = new RegExp(
      "^" +
        template.replace(/\{(\w+)\}/g, (_m, name: string) => (names.push(name), "([^/]+)")) +
        "$",
    );
    const m = re.exec(pathname);
    if (m)
      return {
        template,
        module,
        params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])),
      };
  }
  throw new Error(`no route for ${path}`);
}

export type Answer = { status: number; body: any; headers: Headers }; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function api(
  method: string,
  path: string,
  options: {
    token?: string;
    json?: unknown;
    body?: string | Uint8Array<ArrayBuffer>;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer> {
  const { template, module, params } = match(path);
  const handler = module[method] as (
    r: Request,
    c: { params: Promise<unknown> },
  ) => Promise<Response>;
  expect(handler, `${method} ${template} exists`).toBeTypeOf("function");
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body: string | Uint8Array<ArrayBuffer> | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request(`http://localhost/api/v1${path}`, { method, headers, body });
  const response = await handler(request, { params: Promise.resolve(params) });
  // A zip answer (export) is bytes: its operation must document application/zip for this status.
  if (response.headers.get("content-type") === "application/zip") {
    const documented = (document.paths as any)[template]?.[method.toLowerCase()]; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(
      Object.keys(documented?.responses?.[String(response.status)]?.content ?? {}),
      `${method} ${template} documents a zip for ${response.status}`,
    ).toContain("application/zip");
    seen.add(`${method} ${template} ${response.status}`);
    return {
      status: response.status,
      body: new Uint8Array(await response.arrayBuffer()),
      headers: response.headers,
    };
  }
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  // The contract: the operation documents this status, and the body matches its schema.
  const op = pointer(template, method.toLowerCase());
  const operation = (document.paths as any)[template]?.[method.toLowerCase()]; // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(operation, `${method} ${template} is in the OpenAPI document`).toBeTruthy();
  expect(
    Object.keys(operation.responses),
    `${method} ${template} documents ${response.status}`,
  ).toContain(String(response.status));
  seen.add(`${method} ${template} ${response.status}`);
  const content = operation.responses[String(response.status)].content;
  if (content) {
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const validate = ajv.getSchema(
      `openapi#/paths/${op}/responses/${response.status}/content/${pointer("application/json")}/schema`,
    );
    expect(validate, "schema found").toBeTruthy();
    const ok = validate!(parsed);
    expect(
      ok ? [] : validate!.errors,
      `${method} ${path} → ${response.status} matches the document`,
    ).toEqual([]);
  } else {
    expect(text, `${method} ${path} → ${response.status} has no body`).toBe("");
  }
  return { status: response.status, body: parsed, headers: response.headers };
}
