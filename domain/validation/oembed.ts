import { z } from "zod";

// The oEmbed request (https://oembed.com, section 2.2). Unknown parameters are ignored rather than
// refused: consumers add their own (WordPress sends `discover`, some send `callback`), and the spec
// lets providers define extra ones.

export const OEMBED_MAX_URL_LENGTH = 2048;
export const OEMBED_MAX_DIMENSION = 10_000;

const dimension = (name: string) =>
  z
    .string()
    .regex(/^\d{1,5}$/, `${name} must be a whole number of pixels.`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, `${name} must be at least 1 pixel.`)
        .max(OEMBED_MAX_DIMENSION, `${name} can be at most ${OEMBED_MAX_DIMENSION} pixels.`),
    )
    .optional();

export const oembedQuerySchema = z.object({
  url: z
    .string({ error: "Give the URL of an artifact as the url parameter." })
    .trim()
    .min(1, "Give the URL of an artifact as the url parameter.")
    .max(OEMBED_MAX_URL_LENGTH, `The url can be at most ${OEMBED_MAX_URL_LENGTH} characters long.`),
  maxwidth: dimension("maxwidth"),
  maxheight: dimension("maxheight"),
  format: z.string().max(20, "format must be json.").optional(),
});

export type OembedQuery = z.infer<typeof oembedQuerySchema>;

/** The query string as the schema reads it: the first value of each parameter. */
export function oembedQueryInput(params: URLSearchParams): Record<string, string> {
  const input: Record<string, string> = {};
  for (const key of ["url", "maxwidth", "maxheight", "format"]) {
    const value = params.get(key);
    if (value !== null) input[key] = value;
  }
  return input;
}
