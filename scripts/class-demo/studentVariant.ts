// A plausible student's map of a text, made from a reference map: what the class demo
// (scripts/class-demo/run.ts) posts for each simulated student, so that a classroom server can be
// tried with a whole class — the dashboard, the agreement table and the heat map then show real
// spread instead of thirty identical maps.
//
// A student keeps most of the reference's units, misses some, labels a few differently, joins
// some neighbours into one longer span, and keeps the relations whose ends survived. Spans are
// only ever cut at the reference's own unit boundaries, so they stay on token boundaries and the
// server accepts them. Deterministic for a seed.
import { textUnits, type ArgumentMap, type TextUnit } from '@/lib/argument/types';
import { addUnitOp, type Operation } from '@/lib/argument/operations';

export interface VariantOptions {
  /// Chance that a reference unit is left out.
  miss: number;
  /// Chance that a kept unit gets another label.
  relabel: number;
  /// Chance that a kept unit absorbs the next one when they are in the same paragraph.
  merge: number;
}

export const defaultVariant: VariantOptions = { miss: 0.2, relabel: 0.1, merge: 0.08 };

export function studentVariant(reference: ArgumentMap, text: string, labels: readonly string[], random: () => number, options: VariantOptions = defaultVariant): ArgumentMap {
  // The reference's units of the text (a student finds no implicit unit in the essay).
  const ordered = textUnits(reference.units).sort((a, b) => a.start - b.start || b.end - a.end);
  const units: TextUnit[] = [];
  const renamed = new Map<string, string>(); // reference unit id → the unit that now stands for it
  for (let i = 0; i < ordered.length; i++) {
    const unit = ordered[i];
    if (random() < options.miss) continue;
    let end = unit.end;
    const next = ordered[i + 1];
    if (next && next.start >= unit.end && !text.slice(unit.end, next.start).includes('\n') && random() < options.merge) {
      end = next.end;
      renamed.set(next.id, unit.id);
      i++;
    }
    const label = random() < options.relabel ? labels[Math.floor(random() * labels.length)] : unit.label;
    units.push({ ...unit, end, label, note: '' });
    renamed.set(unit.id, unit.id);
  }
  const seen = new Set<string>();
  const relations = reference.relations.flatMap((r) => {
    const from = [...new Set(r.from.map((p) => renamed.get(p)))];
    const to = renamed.get(r.to);
    const key = `${[...from].sort().join('+')}>${to}`;
    if (from.some((p) => !p) || !to || from.includes(to) || seen.has(key)) return [];
    seen.add(key);
    return [{ ...r, from: from as string[], to, note: '' }];
  });
  const mainClaimId = reference.mainClaimId && units.some((u) => u.id === reference.mainClaimId) ? reference.mainClaimId : null;
  return { units, relations, mainClaimId };
}

/// The operations that build `map` from an empty map, as the editor would send them.
export function operationsToBuild(map: ArgumentMap): Operation[] {
  return [
    ...map.units.map(addUnitOp),
    ...map.relations.map((relation): Operation => ({ op: 'addRelation', relation })),
    ...(map.mainClaimId ? [{ op: 'setMainClaim', before: null, after: map.mainClaimId } as Operation] : []),
  ];
}
