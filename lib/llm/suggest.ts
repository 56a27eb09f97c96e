import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import {
  SUGGESTED_DESCRIPTION_MAX,
  SUGGESTED_TITLE_MAX,
  cleanText,
  clip,
  suggestFromCode,
  type SuggestInput,
  type Suggestion,
} from "@/domain/suggest/suggest";

// The optional language-model suggestion (issue 15, part 2): an OpenAI-compatible
// `/chat/completions` endpoint, asked only when LLM_BASE_URL, LLM_API_KEY and LLM_MODEL are all set.
// Never required: on any failure (timeout, refusal, non-JSON, empty answer) the local suggestion
// from domain/suggest is the answer, so the "Suggest" button always gives something or nothing.

export type ModelConfig = { baseUrl: string; apiKey: string; model: string; timeoutMs: number };

/** The configured model, or null when any of the three variables is missing. */
export function modelConfig(): ModelConfig | null {
  if (!env.LLM_BASE_URL || !env.LLM_API_KEY || !env.LLM_MODEL) return null;
  return {
    baseUrl: env.LLM_BASE_URL,
    apiKey: env.LLM_API_KEY,
    model: env.LLM_MODEL,
    timeoutMs: env.LLM_TIMEOUT_MS,
  };
}

/** What the model sees of the code: the start and the end (where a default export usually is). */
const CODE_SENT = 12_000;
function excerpt(code: string): string {
  if (code.length <= CODE_SENT) return code;
  return `${code.slice(0, CODE_SENT - 3000)}\n…\n${code.slice(-3000)}`;
}

const answerSchema = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullable().optional() }) }))
    .min(1),
});
const suggestionSchema = z.object({ title: z.string(), description: z.string().optional() });

/** The first JSON object in the model's text (models wrap it in prose or ``` fences). */
function jsonIn(text: string): unknown {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end <= start) return null;
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return null;
  }
}

/** Asks the model; null on any failure. */
export async function suggestWithModel(
  input: SuggestInput,
  config: ModelConfig,
): Promise<Suggestion | null> {
  const url = `${config.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  try {
    const response = await fetch(url, {
      method: "POST",
      signal: AbortSignal.timeout(config.timeoutMs),
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${config.apiKey}` },
      body: JSON.stringify({
        model: config.model,
        temperature: 0.2,
        messages: [
          {
            role: "system",
            content:
              'You name code artifacts for a gallery. Answer with JSON only: {"title": "…", "description": "…"}. ' +
              `Title: at most ${SUGGESTED_TITLE_MAX} characters, plain words, no quotes. Description: one or two plain sentences, at most ${SUGGESTED_DESCRIPTION_MAX} characters.`,
          },
          {
            role: "user",
            content:
              `Language: ${input.language}\n` +
              (input.firstUserMessage
                ? `The author asked: ${input.firstUserMessage.slice(0, 2000)}\n`
                : "") +
              `Code:\n${excerpt(input.code)}`,
          },
        ],
      }),
    });
    if (!response.ok) throw new Error(`the model answered HTTP ${response.status}`);
    const answer = answerSchema.parse(await response.json());
    const parsed = suggestionSchema.parse(jsonIn(answer.choices[0]!.message.content ?? ""));
    const title = clip(cleanText(parsed.title), SUGGESTED_TITLE_MAX);
    const description = parsed.description
      ? clip(cleanText(parsed.description), SUGGESTED_DESCRIPTION_MAX)
      : "";
    if (!title) throw new Error("the model suggested an empty title");
    return { title, description: description || null };
  } catch (err) {
    logger().warn({ err: String(err), url }, "title suggestion: model failed, using the local one");
    return null;
  }
}

/** The model's suggestion when one is configured and answers well; the local one otherwise. */
export async function suggestTitleAndDescription(
  input: SuggestInput,
  config: ModelConfig | null = modelConfig(),
): Promise<Suggestion & { source: "model" | "local" }> {
  const fromModel = config ? await suggestWithModel(input, config) : null;
  if (fromModel) {
    // The model may leave the description out; the chat's first message still describes it.
    const local = fromModel.description ? null : suggestFromCode(input);
    return {
      ...fromModel,
      description: fromModel.description ?? local?.description ?? null,
      source: "model",
    };
  }
  return { ...suggestFromCode(input), source: "local" };
}
