// A map's contents packed for the trip from a worker thread to the writer: its units and its
// relations (each after the relation it targets) as JSON text, PACKED_CHUNK items a string.
//
// Why: the import route's worker checks a file's map and sends it to the event loop to be
// written. As 20,000 objects, receiving it (structured clone) took ~45 ms of the event loop in
// one piece, and building every row at once ~35 ms more; as a few strings it costs nothing to
// receive, and the writer (maps.ts replaceMapContents) parses one chunk at a time, with turns of
// the event loop between them.
//
// Packed contents are checked contents: packContents is called on a map that passed the model's
// rules, its label scheme and its text (importFile does, on the worker), so the writer does not
// check them again; the schema's constraints still hold.
import type { ArgumentUnit, Relation } from '@/lib/argument/types';

/// T without its note, which may be left out (it defaults to '').
export type NoteOptional<T> = T extends unknown ? Omit<T, 'note'> & { note?: string } : never;
type PackedUnit = NoteOptional<ArgumentUnit>;
type PackedRelation = NoteOptional<Relation>;

/// Items a packed chunk holds: one INSERT's worth of rows on PostgreSQL (rows.ts ROW_CHUNK).
export const PACKED_CHUNK = 1000;

export interface PackedContents {
  packed: true;
  mainClaimId: string | null;
  /// JSON arrays of units.
  units: string[];
  /// JSON arrays of relations, each after the relation it targets (when that is one of them).
  relations: string[];
}

/// `contents` as a map's units and relations (lib/argument/types; a note may be left out).
export function packContents(contents: { units: readonly PackedUnit[]; relations: readonly PackedRelation[]; mainClaimId: string | null }): PackedContents {
  return { packed: true, mainClaimId: contents.mainClaimId, units: pack(contents.units), relations: pack(targetsFirst(contents.relations)) };
}

export function isPacked(contents: object): contents is PackedContents {
  return (contents as Partial<PackedContents>).packed === true;
}

function pack<T>(items: readonly T[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i += PACKED_CHUNK) out.push(JSON.stringify(items.slice(i, i + PACKED_CHUNK)));
  return out;
}

/// Relations ordered so that each comes after the relation it targets (when that is among
/// them): the rows' foreign keys are checked as each is inserted.
export function targetsFirst<T extends { id: string; to: string }>(relations: readonly T[]): T[] {
  const byId = new Map(relations.map((r) => [r.id, r]));
  if (!relations.some((r) => byId.has(r.to))) return relations.slice();
  const depth = (r: T) => {
    let n = 0;
    for (let at = byId.get(r.to); at && n <= byId.size; at = byId.get(at.to)) n++;
    return n;
  };
  return relations.map((r) => ({ r, d: depth(r) })).sort((a, b) => a.d - b.d).map((x) => x.r);
}
