// Tags to labels: how the free-text tags of other tools' files (Hypothesis `tags`, the tagging
// bodies of W3C and Recogito annotations) become labels of the target scheme. One owner for the
// rule that the CLI's `--label-map` and the import dialog's per-tag choices both feed.
//
// A unit's label is its first tag (in file order) that names a label: by the user's mapping
// first, else by the label's id or either display name (`resolveLabel`). A tag the user chose to
// skip (`SKIP_TAG`) names nothing; a unit whose tags name no label is left out — because the
// user skipped its tag, or because nobody has said what its tags mean yet. The latter are the
// unknown tags: listed with how many units carry them, so that the dialog can offer a label for
// each and the CLI can say which `--label-map` pair is missing. Tags read as a label under a
// name other than the label's id are listed too, for the user to confirm.
import { resolveLabel } from './labels';
import type { LabelDefinition } from './types';

/// The mapping value that means "leave units with this tag out" (`--label-map ref=-`).
export const SKIP_TAG = '-';

export type TagResolution = { label: string; tag: string | null } | { skippedTag: string } | { unknownTags: string[] };

export interface TagSummary {
  /// Tags read as a label under another name than its id (a mapping, "Claim", "主張").
  tagLabels: Array<{ tag: string; label: string; units: number }>;
  /// Tags of units left out because no tag of theirs names a label and none is mapped.
  unknownTags: Array<{ tag: string; units: number }>;
  /// Tags the user chose to skip, with how many units were left out for them.
  skippedTags: Array<{ tag: string; units: number }>;
}

export interface TagResolver {
  resolve(tags: readonly string[]): TagResolution;
  summary(): TagSummary;
}

export function makeTagResolver(labels: readonly LabelDefinition[], labelMap: Readonly<Record<string, string>> = {}): TagResolver {
  const ids = new Set(labels.map((l) => l.id));
  const read = new Map<string, { label: string; units: number }>();
  const unknown = new Map<string, number>();
  const skipped = new Map<string, number>();
  const count = (m: Map<string, number>, tag: string) => m.set(tag, (m.get(tag) ?? 0) + 1);
  return {
    resolve(tags) {
      let skippedTag: string | null = null;
      for (const tag of tags) {
        const mapped = Object.hasOwn(labelMap, tag) ? labelMap[tag] : undefined;
        if (mapped === SKIP_TAG) {
          skippedTag ??= tag;
          continue;
        }
        const label = mapped !== undefined && ids.has(mapped) ? mapped : resolveLabel(tag, labels);
        if (label === null) continue;
        if (tag !== label) read.set(tag, { label, units: (read.get(tag)?.units ?? 0) + 1 });
        return { label, tag };
      }
      if (skippedTag !== null) {
        count(skipped, skippedTag);
        return { skippedTag };
      }
      const unique = [...new Set(tags)];
      for (const tag of unique) count(unknown, tag);
      return { unknownTags: unique };
    },
    summary: () => ({
      tagLabels: [...read].map(([tag, v]) => ({ tag, ...v })),
      unknownTags: [...unknown].map(([tag, units]) => ({ tag, units })),
      skippedTags: [...skipped].map(([tag, units]) => ({ tag, units })),
    }),
  };
}
