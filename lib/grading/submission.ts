// What the submit confirmation says a map contains: units, relations, and the units connected
// to nothing — no relation at all, or (when a main claim is set) no path to it, as the structure
// hints' 'disconnected' (lib/argument/hints.ts). Pure.
import { structureHints, labelRoles } from '@/lib/argument/hints';
import { relationEnds, type ArgumentMap } from '@/lib/argument/types';

export interface SubmissionSummary {
  units: number;
  relations: number;
  unconnected: number;
}

export function submissionSummary(map: ArgumentMap, labels: readonly string[]): SubmissionSummary {
  const touched = new Set<string>();
  for (const r of map.relations) for (const end of relationEnds(r)) touched.add(end);
  const unconnected = new Set(map.units.filter((u) => !touched.has(u.id)).map((u) => u.id));
  for (const h of structureHints(map, labelRoles(labels))) if (h.kind === 'disconnected') for (const id of h.unitIds) unconnected.add(id);
  return { units: map.units.length, relations: map.relations.length, unconnected: unconnected.size };
}
