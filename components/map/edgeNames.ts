// What the map says a relation is, for its accessible name and tooltip, so each edge is told
// apart by ear: "Evidence “…” supports Claim “…”"; a linked argument "Linked support: Evidence
// “…” + Evidence “…” → Claim “…”"; an undercutter "Counterargument “…” attacks the inference
// (Evidence “…” → Claim “…”)"; a scheme's name after a comma (not in brackets: the name must
// hold the label's visible text, and checkers such as axe drop bracketed parts of names). An inference inside an
// inference (an undercutter of an undercutter) is said as "an inference" rather than in full.
// Pure: the caller hands in the translator and the lookups.
import type { ArgumentUnit, Relation } from '@/lib/argument/types';
import { unitText } from '@/lib/argument/types';
import { schemeById } from '@/lib/argument/schemes';
import { relationTypeKey, type Locale, type Translate } from '@/lib/i18n/locale';

/// A quote shortened for an edge's name: its first and last characters around '…'.
export function shortQuote(quote: string, max = 12): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const head = Math.ceil((max - 1) / 2);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (max - 1 - head)).join('')}`;
}

export interface NameContext {
  t: Translate;
  locale: Locale;
  text: string;
  units: ReadonlyMap<string, ArgumentUnit>;
  relations: ReadonlyMap<string, Relation>;
  labelName: (labelId: string) => string;
}

function unitRef(id: string, c: NameContext): string {
  const u = c.units.get(id);
  return c.t('map.unitRef', { label: c.labelName(u?.label ?? ''), quote: u ? shortQuote(unitText(u, c.text)) : '' });
}

const premisesOf = (r: Relation, c: NameContext) => r.from.map((id) => unitRef(id, c)).join(' + ');

/// "premises → target", the target a unit or (inside this) "an inference".
function inference(r: Relation, c: NameContext): string {
  const target = c.units.has(r.to) ? unitRef(r.to, c) : c.t('map.inference');
  return `${premisesOf(r, c)} → ${target}`;
}

export function relationName(r: Relation, c: NameContext): string {
  const type = c.t(relationTypeKey(r.type));
  const attacked = c.relations.get(r.to);
  let name: string;
  if (attacked) name = c.t('map.undercutLabel', { attackers: premisesOf(r, c), inference: inference(attacked, c), type });
  else if (r.from.length > 1) name = c.t('map.linkedEdgeLabel', { kind: c.t(r.type === 'support' ? 'map.linkedSupport' : 'map.linkedAttack'), premises: premisesOf(r, c), target: unitRef(r.to, c) });
  else {
    const a = c.units.get(r.from[0]);
    const b = c.units.get(r.to);
    name = c.t('map.edgeLabel', {
      from: c.labelName(a?.label ?? ''),
      fromQuote: a ? shortQuote(unitText(a, c.text)) : '',
      to: c.labelName(b?.label ?? ''),
      toQuote: b ? shortQuote(unitText(b, c.text)) : '',
      type,
    });
  }
  const scheme = schemeName(r, c.locale);
  return scheme ? c.t('map.withScheme', { name, scheme }) : name;
}

/// The name of the relation's scheme in `locale`, or null (no scheme, or one not in the catalogue).
export function schemeName(r: Relation, locale: Locale): string | null {
  return r.scheme === undefined ? null : (schemeById(r.scheme)?.name[locale] ?? null);
}
