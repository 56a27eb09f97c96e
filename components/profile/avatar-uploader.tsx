"use client";

import { useRouter } from "next/navigation";
import { useActionState, useRef, useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import type { ActionState } from "@/lib/actions";
import { FormMessage } from "@/components/form/form";

const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPT = "image/png,image/jpeg,image/webp";

type Notice = { ok: boolean; text: string } | null;

// Posts to /api/uploads/avatar. With JavaScript: a fetch, with the message shown here and the page
// refreshed; without: a plain multipart form post that redirects back with a result code.
export function AvatarUploader({
  avatarUrl,
  handle,
  notice: initialNotice,
  removeAction,
}: {
  avatarUrl: string | null;
  handle: string;
  notice: Notice;
  removeAction: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<Notice>(initialNotice);
  const [busy, setBusy] = useState(false);
  const [removeState, remove] = useActionState(removeAction, { status: "idle" } as ActionState);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = inputRef.current?.files?.[0];
    if (!file) return setNotice({ ok: false, text: "Choose an image file to upload." });
    // Saves a long wait for nothing; the server checks again, by content.
    if (file.size > MAX_BYTES) {
      return setNotice({
        ok: false,
        text: `Avatars can be at most 5 MB; that file is ${(file.size / 1024 / 1024).toFixed(1)} MB.`,
      });
    }
    setBusy(true);
    setNotice(null);
    try {
      const res = await fetch("/api/uploads/avatar", {
        method: "POST",
        body: new FormData(event.currentTarget),
        headers: { Accept: "application/json" },
      });
      const body = (await res.json().catch(() => null)) as {
        ok?: boolean;
        message?: string;
      } | null;
      setNotice({
        ok: res.ok,
        text:
          body?.message ??
          (res.ok ? "Your new avatar is saved." : "The upload failed. Please try again."),
      });
      if (res.ok) {
        if (inputRef.current) inputRef.current.value = "";
        router.refresh();
      }
    } catch {
      setNotice({ ok: false, text: "The upload failed. Check your connection and try again." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mt-4 flex flex-col gap-5 sm:flex-row sm:items-start">
      <Avatar src={avatarUrl} name={handle} size={96} />
      <div className="min-w-0 flex-1 space-y-3">
        <form
          action="/api/uploads/avatar"
          method="post"
          encType="multipart/form-data"
          onSubmit={onSubmit}
          className="space-y-3"
        >
          <div className="space-y-1.5">
            <label htmlFor="avatar" className="block text-sm font-medium text-zinc-800">
              Upload a new avatar
            </label>
            <input
              ref={inputRef}
              id="avatar"
              name="avatar"
              type="file"
              accept={ACCEPT}
              required
              aria-describedby="avatar-hint avatar-status"
              className="block w-full text-sm text-zinc-700 file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-zinc-200"
            />
            <p id="avatar-hint" className="text-xs text-zinc-500">
              PNG, JPEG or WebP, up to 5 MB and 40 megapixels. It is cropped to a square.
            </p>
          </div>
          <p
            id="avatar-status"
            role={notice && !notice.ok ? "alert" : "status"}
            aria-live="polite"
            className={`text-sm empty:hidden ${notice?.ok ? "rounded-md bg-emerald-50 px-3 py-2 text-emerald-800" : "rounded-md bg-red-50 px-3 py-2 text-red-800"}`}
          >
            {notice?.text ?? ""}
          </p>
          <button
            type="submit"
            disabled={busy}
            className="bg-brand-600 hover:bg-brand-700 disabled:bg-brand-500 inline-flex items-center rounded-md px-4 py-2 text-sm font-medium text-white shadow-sm"
          >
            {busy ? "Uploading…" : "Upload avatar"}
          </button>
        </form>
        {avatarUrl && (
          <form action={remove} className="space-y-2">
            <FormMessage state={removeState} showSuccess />
            <button
              type="submit"
              className="text-sm font-medium text-red-700 underline-offset-2 hover:underline"
            >
              Remove avatar
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
