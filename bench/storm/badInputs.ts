// The over-large inputs of issue 12, sent by one student during the class's pace: an addUnit
// carrying 10,000 relations, a batch of 5,000 operations, an import of a 20,000-unit map — and
// then the costliest batch the limits let in: 500 edits on that map (each operation copies the
// map's lists: ~200 ms of work, which must not hold the others). The
// bench only sends them and reports what came back (limits are the routes' business); the
// figure that matters is the health probe's worst latency meanwhile (classPace). The bodies are
// serialized before the phase: 5 MB of JSON.stringify is the load generator's stall, not the
// server's.
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from './http';
import { save } from './scenarios';
import type { Class, Student } from './setup';

export interface BadInputAnswer {
  name: string;
  status: number;
  ms: number;
}

/// Loads the import route as on a server that has run a while: a dry run of the example map on
/// the attacker's map (nothing is written). A route's first request instantiates its modules on
/// the event loop — 36–43 ms for the import route, in a CPU profile of (c) — once after a start,
/// which is not what (c) measures.
export async function warmImportRoute(client: Client, attacker: Student): Promise<void> {
  const content = fs.readFileSync(path.join('corpus', 'russia-diplomacy-2020.example.argmap.json'), 'utf8');
  const body = JSON.stringify({ fileName: 'warm.argmap.json', content, baseVersion: attacker.version, dryRun: true });
  const answer = await client.request('POST', `/api/maps/${attacker.mapId}/import`, body, { cookie: attacker.cookie });
  if (answer.status !== 200) throw new Error(`warming the import route: HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
}

/// The bodies, ready to send (`send`) on the attacker's map as it is now.
export async function prepareBadInputs(client: Client, attacker: Student, cls: Class): Promise<(answers: BadInputAnswer[]) => Promise<void>> {
  if (attacker.sent === 0) await save(client, attacker, cls); // its first save makes unit b0-0, for the relations to point at
  const headers = { cookie: attacker.cookie };
  const ops = `/api/maps/${attacker.mapId}/operations`;
  const [start, end] = [cls.boundaries[1], cls.boundaries[3]];

  const relations = Array.from({ length: 10_000 }, (_, i) => ({ id: `r${i}`, type: i % 2 ? 'support' : 'attack', from: 'big', to: 'b0-0', note: '' }));
  const bigUnit = { op: 'addUnit', unit: { id: 'big', label: 'claim', start, end, note: '' }, relations, mainClaim: false };
  const many = Array.from({ length: 5_000 }, (_, i) => ({ op: 'addUnit', unit: { id: `m${i}`, label: 'claim', start, end, note: '' }, relations: [], mainClaim: false }));
  const example = JSON.parse(fs.readFileSync(path.join('corpus', 'russia-diplomacy-2020.example.argmap.json'), 'utf8')) as { units: Array<{ id: string; note?: string }>; relations: unknown[]; mainClaim: unknown };
  const units = Array.from({ length: 20_000 }, (_, i) => ({ ...example.units[i % example.units.length], id: `i${i}` }));
  const file = { ...example, units, relations: [], mainClaim: null };
  const edits = units.slice(0, 500).map((u) => ({ op: 'updateUnit', id: u.id, before: { note: u.note ?? '' }, after: { note: '編集' } }));
  const requests: Array<[name: string, path: string, body: string]> = [
    ['addUnit with 10,000 relations', ops, JSON.stringify({ batchId: 'bad-relations', baseVersion: attacker.version, operations: [bigUnit] })],
    ['batch of 5,000 operations', ops, JSON.stringify({ batchId: 'bad-operations', baseVersion: attacker.version, operations: many })],
    // Both batches are refused (422), so the map is still at this version for the import.
    ['import of a 20,000-unit map', `/api/maps/${attacker.mapId}/import`, JSON.stringify({ fileName: 'big.argmap.json', content: JSON.stringify(file), baseVersion: attacker.version, accept: true })],
    // On the imported map (the import bumped the version once).
    ['500 edits on the 20,000-unit map', ops, JSON.stringify({ batchId: 'big-edits', baseVersion: attacker.version + 1, operations: edits })],
  ];
  return async (answers) => {
    for (const [name, to, body] of requests) {
      const a = await client.request('POST', to, body, headers);
      answers.push({ name, status: a.status, ms: a.ms });
    }
  };
}
