import { CATEGORY_LABELS, type Category } from "@/domain/tags/tags";

/** The tag and category filters as the explore page names them ("#react", "category UI"). */
export function tagFilterNames(params: {
  tag?: string | null;
  category?: Category | null;
}): string[] {
  return [
    params.tag ? `#${params.tag}` : null,
    params.category ? `category ${CATEGORY_LABELS[params.category]}` : null,
  ].filter((v): v is string => Boolean(v));
}
