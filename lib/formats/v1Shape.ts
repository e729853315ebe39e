// The map as the formats that know only the first model write it — Hypothesis (which has no
// relations) and native version 1 — until they learn linked premises, undercutters, implicit
// units and schemes (issue 17). AIF, Argdown, W3C, Recogito, brat and CSV write them all (README,
// "The deeper model in each format"). A v1-shaped map — units of the text, relations from one
// unit to one unit — comes out exactly as before.
//
// What such a format cannot say is never dropped silently: a linked argument is written as one
// relation per premise (the first keeps the relation's id, the others get `<id>~2`, `<id>~3`, …,
// in premise order — each premise does support or attack the target, only the "together" is
// lost), and a map with an implicit unit, an undercutter or a scheme is refused with
// UnexpressibleMapError, which names them and the format that can (the route answers 422).
import { isImplicit, type ArgumentMap, type Relation, type TextUnit } from '@/lib/argument/types';

export type V1Relation = Omit<Relation, 'from' | 'scheme' | 'criticalQuestions'> & { from: string };

export interface V1Map {
  units: TextUnit[];
  relations: V1Relation[];
  mainClaimId: string | null;
}

export class UnexpressibleMapError extends Error {
  constructor(
    readonly format: string,
    readonly items: string[],
  ) {
    super(`${format} cannot express ${items.join(', ')} yet; export the map as JSON (ronten-argmap version 2) instead`);
    this.name = 'UnexpressibleMapError';
  }
}

/// The map in the first model's shape for `format` (its name, for the error).
export function v1Map(map: ArgumentMap, format: string): V1Map {
  const implicit = map.units.filter(isImplicit).map((u) => `implicit unit ${u.id}`);
  const relationIds = new Set(map.relations.map((r) => r.id));
  const undercutters = map.relations.filter((r) => relationIds.has(r.to)).map((r) => `undercutter ${r.id}`);
  const schemes = map.relations.filter((r) => r.scheme !== undefined).map((r) => `the scheme of relation ${r.id}`);
  const unsaid = [...implicit, ...undercutters, ...schemes];
  if (unsaid.length) throw new UnexpressibleMapError(format, unsaid.length > 5 ? [...unsaid.slice(0, 5), `${unsaid.length - 5} more`] : unsaid);
  const relations: V1Relation[] = [];
  for (const r of map.relations) {
    r.from.forEach((from, i) => relations.push({ id: i === 0 ? r.id : `${r.id}~${i + 1}`, type: r.type, from, to: r.to, note: r.note }));
  }
  return { units: map.units.filter((u): u is TextUnit => !isImplicit(u)), relations, mainClaimId: map.mainClaimId };
}
