import { randomBytes } from "node:crypto";
import { revalidatePath } from "next/cache";
import { setAvatarUrl } from "@/db/queries/profiles";
import { isSameOriginRequest } from "@/lib/auth/same-origin";
import { getViewer } from "@/lib/auth/viewer";
import { consume } from "@/lib/rate-limit";
import {
  AVATAR_MAX_BYTES,
  AVATAR_MESSAGES,
  processAvatar,
  type AvatarRefusal,
} from "@/lib/uploads/image";
import { deleteUploadByUrl, saveUpload } from "@/lib/uploads/store";

// Avatar upload. A route handler rather than a server action so the size cap is enforced while the
// body streams in (a 50 MB upload is cut off after 5 MB, never buffered whole). The user id comes
// from the session only. Answers JSON for fetch() and a redirect back to settings for a plain form
// post (the page works without JavaScript).
const MULTIPART_OVERHEAD = 64 * 1024;
const BODY_LIMIT = AVATAR_MAX_BYTES + MULTIPART_OVERHEAD;

type Outcome = {
  status: number;
  message: string;
  code?: AvatarRefusal | "rate" | "signin" | "handle";
  avatarUrl?: string;
};

function respond(
  request: Request,
  outcome: Outcome,
  extraHeaders: Record<string, string> = {},
): Response {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  if (wantsJson) {
    return Response.json(
      { ok: outcome.status < 300, message: outcome.message, avatarUrl: outcome.avatarUrl },
      { status: outcome.status, headers: { "Cache-Control": "no-store", ...extraHeaders } },
    );
  }
  const url = new URL("/settings/profile", request.url);
  // A code, not the message: the settings page maps it to its own text, so the URL cannot inject any.
  url.searchParams.set("avatar", outcome.status < 300 ? "saved" : (outcome.code ?? "unreadable"));
  return new Response(null, {
    status: 303,
    headers: { Location: `${url.pathname}${url.search}`, ...extraHeaders },
  });
}

/** Reads at most `limit` bytes of the body; null when it is longer. */
async function readCapped(
  request: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

export async function POST(request: Request) {
  if (!isSameOriginRequest(request.headers)) {
    return Response.json(
      { ok: false, message: "Cross-site requests are not allowed." },
      { status: 403 },
    );
  }
  const viewer = await getViewer();
  if (!viewer)
    return respond(request, { status: 401, message: "Please sign in first.", code: "signin" });
  const limited = await consume("avatar-upload", viewer.id);
  if (!limited.ok) {
    return respond(
      request,
      { status: 429, message: limited.message, code: "rate" },
      { "Retry-After": String(limited.retryAfterSeconds) },
    );
  }

  const body = await readCapped(request, BODY_LIMIT);
  if (!body)
    return respond(request, { status: 413, message: AVATAR_MESSAGES["too-big"], code: "too-big" });
  let file: FormDataEntryValue | null = null;
  try {
    const form = await new Response(body, {
      headers: { "Content-Type": request.headers.get("content-type") ?? "" },
    }).formData();
    file = form.get("avatar");
  } catch {
    return respond(request, { status: 400, message: AVATAR_MESSAGES.empty, code: "empty" });
  }
  if (!(file instanceof File) || file.size === 0)
    return respond(request, { status: 400, message: AVATAR_MESSAGES.empty, code: "empty" });

  const processed = await processAvatar(new Uint8Array(await file.arrayBuffer()));
  if (!processed.ok)
    return respond(request, { status: 422, message: processed.message, code: processed.code });

  const key = `avatars/${viewer.id}/${randomBytes(8).toString("hex")}.webp`;
  const { url } = await saveUpload({ key, bytes: processed.bytes, contentType: "image/webp" });
  const saved = await setAvatarUrl(viewer.id, url);
  if (!saved) {
    await deleteUploadByUrl(url);
    return respond(request, {
      status: 404,
      message: "Choose a handle before uploading an avatar.",
      code: "handle",
    });
  }
  await deleteUploadByUrl(saved.previous);
  if (viewer.handle) revalidatePath(`/u/${viewer.handle}`);
  return respond(request, { status: 200, message: "Your new avatar is saved.", avatarUrl: url });
}
