"use client";

import { useDeferredValue, useMemo } from "react";
import { missingPackagesMessage, unavailableImports } from "@/lib/preview/packages/resolve";

/**
 * Warns while the code is written, before it is saved, when it imports or loads from a CDN a
 * package the preview does not provide (the preview would show the same sentence).
 */
export function UnavailablePackages({ language, code }: { language: string; code: string }) {
  const deferred = useDeferredValue(code);
  const missing = useMemo(() => unavailableImports(language, deferred), [language, deferred]);
  if (missing.length === 0) return null;
  return (
    <p
      role="status"
      data-testid="unavailable-packages"
      className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      {missingPackagesMessage(missing)}
    </p>
  );
}
