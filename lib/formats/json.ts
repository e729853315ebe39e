// Reading untyped JSON from other tools' files: the shape checks every lenient reader shares.
import type { LabelDefinition } from './types';

export type Json = Record<string, unknown>;

export const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/// A whole number ≥ 0 (offsets, lengths).
export const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/// A label scheme carried in a file's extension fields (`[{ id, name: { ja, en } }]`); null when
/// absent or malformed, so the caller falls back to the target scheme.
export function parseLabelList(x: unknown): LabelDefinition[] | null {
  if (!Array.isArray(x) || x.length === 0) return null;
  const out: LabelDefinition[] = [];
  for (const l of x) {
    if (!isObject(l) || typeof l.id !== 'string') return null;
    const name = isObject(l.name) ? l.name : {};
    out.push({ id: l.id, name: { ja: String(name.ja ?? l.id), en: String(name.en ?? l.id) } });
  }
  return out;
}
