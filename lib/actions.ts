import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { BUSY_MESSAGE, isBusy } from "@/db/busy";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { logger, type Logger } from "@/lib/log";
import { requestLogger } from "@/lib/log/request";
import {
  FORBIDDEN_KEYS,
  MAX_PAYLOAD_VALUES,
  PayloadError,
  checkPayloadShape,
} from "@/lib/payload-shape";

// The one shape of every server action (STYLE.md habit 4). An action is a public endpoint: this
// wrapper resolves the viewer, parses the input with a strict zod schema, and turns expected
// failures into `{ status: "error", message, fieldErrors }` — never a 500 or a stack trace.
// Authorisation of the specific object stays in db/queries (in SQL), not here.

export type FieldErrors = Record<string, string[] | undefined>;

export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "success"; message?: string; data?: T }
  | {
      status: "error";
      message: string;
      fieldErrors?: FieldErrors;
      /** What the user typed, so the form can show it again. Secrets are never echoed. */
      values?: Record<string, string>;
    };

export const idle: ActionState = { status: "idle" };

/** Thrown by handlers for an expected refusal; becomes an error state with this message. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
  }
}

const SECRET_FIELDS = /password|token|secret/i;
export const UNEXPECTED = "Something went wrong on our side. Nothing was saved — please try again.";

// Payload shape limits (lib/payload-shape.ts): shared with the JSON API, which must not load
// next/navigation.
export { MAX_PAYLOAD_VALUES, checkPayloadShape } from "@/lib/payload-shape";

/** FormData → a plain object. Next's own `$ACTION_*` fields are dropped; repeated keys become arrays. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  let count = 0;
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (++count > MAX_PAYLOAD_VALUES)
      throw new PayloadError(`This form sends too many values (at most ${MAX_PAYLOAD_VALUES}).`);
    if (FORBIDDEN_KEYS.has(key)) throw new PayloadError(`Unexpected field: ${key}`);
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[key] = [existing, value];
  }
  return { ...out };
}

function echoValues(raw: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "string" && !SECRET_FIELDS.test(key)) values[key] = value;
  }
  return values;
}

function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "form";
    (fieldErrors[key] ??= []).push(
      issue.code === "unrecognized_keys"
        ? `Unexpected field: ${issue.keys.join(", ")}`
        : issue.message,
    );
  }
  return fieldErrors;
}

type Options = {
  auth?: "required" | "optional";
  /** Who is asking; the request's viewer unless a caller (a test) says otherwise. */
  resolveViewer?: () => Promise<Viewer | null>;
};

/** The wrapper's core, exported for its tests: payload limits, sign-in gate, zod mapping, expected and unexpected errors. */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  readInput: () => unknown,
  handler: (input: z.infer<S>, viewer: Viewer | null) => Promise<ActionState<T> | void>,
  options: Options,
): Promise<ActionState<T>> {
  let raw: unknown;
  try {
    raw = readInput();
    checkPayloadShape(raw);
  } catch (err) {
    if (err instanceof PayloadError) return { status: "error", message: err.message };
    throw err;
  }
  const values =
    raw && typeof raw === "object" ? echoValues(raw as Record<string, unknown>) : undefined;
  try {
    const viewer = await (options.resolveViewer ?? getViewer)();
    if (options.auth !== "optional" && !viewer?.id) {
      return { status: "error", message: "Please sign in first.", values };
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors = zodFieldErrors(parsed.error);
      const first = Object.values(fieldErrors).flat()[0];
      return { status: "error", message: first ?? "Please check the form.", fieldErrors, values };
    }
    return (await handler(parsed.data, viewer)) ?? { status: "success" };
  } catch (err) {
    unstable_rethrow(err); // redirect() and notFound() must reach Next.js
    return failureState(err, values, await requestLogger());
  }
}

/** What a handler's failure shows: its own sentence, "busy, try again", or the generic one. */
export function failureState(
  err: unknown,
  values?: Record<string, string>,
  log: Logger = logger(),
): Extract<ActionState, { status: "error" }> {
  if (err instanceof ActionError) {
    return { status: "error", message: err.message, fieldErrors: err.fieldErrors, values };
  }
  // A hot row or a burst: a clear "busy, try again", not the generic failure.
  if (isBusy(err)) return { status: "error", message: BUSY_MESSAGE, values };
  // The operator gets the error and its stack, under the request's id; the user gets a sentence.
  log.error({ err }, "server action failed unexpectedly");
  return { status: "error", message: UNEXPECTED, values };
}

/** For `<form action>` with useActionState: `(prevState, formData) => state`. */
export function formAction<S extends z.ZodType, T = unknown>(
  schema: S,
  handler: (input: z.infer<S>, viewer: Viewer) => Promise<ActionState<T> | void>,
) {
  return async (_prev: ActionState<T>, formData: FormData): Promise<ActionState<T>> =>
    runAction(
      schema,
      () => formDataToObject(formData),
      (input, viewer) => handler(input, viewer!),
      { auth: "required" },
    );
}

/** For actions called from client code with a plain object argument. */
export function objectAction<S extends z.ZodType, T = unknown>(
  schema: S,
  handler: (input: z.infer<S>, viewer: Viewer) => Promise<ActionState<T> | void>,
) {
  return async (input: unknown): Promise<ActionState<T>> =>
    runAction(
      schema,
      () => input,
      (parsed, viewer) => handler(parsed, viewer!),
      { auth: "required" },
    );
}

/** Same as formAction, for forms signed-out people may submit (sign-up, sign-in). */
export function publicFormAction<S extends z.ZodType, T = unknown>(
  schema: S,
  handler: (input: z.infer<S>, viewer: Viewer | null) => Promise<ActionState<T> | void>,
) {
  return async (_prev: ActionState<T>, formData: FormData): Promise<ActionState<T>> =>
    runAction(schema, () => formDataToObject(formData), handler, { auth: "optional" });
}
