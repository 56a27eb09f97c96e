import { languageInfo } from "@/domain/languages";

export function LanguageBadge({ language }: { language: string | null }) {
  const info = languageInfo(language);
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-zinc-600">
      <span aria-hidden className="size-2.5 rounded-full" style={{ background: info.color }} />
      {info.name}
    </span>
  );
}
