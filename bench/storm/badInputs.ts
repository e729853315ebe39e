// The over-large inputs of issue 12, sent by one student during the class's pace: an addUnit
// carrying 10,000 relations, a batch of 5,000 operations, an import of a 20,000-unit map. The
// bench only sends them and reports what came back (limits are the routes' business); the
// figure that matters is the health probe's worst latency meanwhile (classPace).
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

export async function sendBadInputs(client: Client, attacker: Student, cls: Class, answers: BadInputAnswer[]): Promise<void> {
  const headers = { cookie: attacker.cookie };
  if (attacker.sent === 0) await save(client, attacker, cls); // its first save made unit b0-0, for the relations to point at
  const ops = `/api/maps/${attacker.mapId}/operations`;
  const [start, end] = [cls.boundaries[1], cls.boundaries[3]];

  const relations = Array.from({ length: 10_000 }, (_, i) => ({ id: `r${i}`, type: i % 2 ? 'support' : 'attack', from: 'big', to: 'b0-0', note: '' }));
  const bigUnit = { op: 'addUnit', unit: { id: 'big', label: 'claim', start, end, note: '' }, relations, mainClaim: false };
  let a = await client.request('POST', ops, { batchId: 'bad-relations', baseVersion: attacker.version, operations: [bigUnit] }, headers);
  answers.push({ name: 'addUnit with 10,000 relations', status: a.status, ms: a.ms });

  const many = Array.from({ length: 5_000 }, (_, i) => ({ op: 'addUnit', unit: { id: `m${i}`, label: 'claim', start, end, note: '' }, relations: [], mainClaim: false }));
  a = await client.request('POST', ops, { batchId: 'bad-operations', baseVersion: attacker.version, operations: many }, headers);
  answers.push({ name: 'batch of 5,000 operations', status: a.status, ms: a.ms });
  if (a.status === 200) attacker.version = (JSON.parse(a.body) as { version: number }).version;

  const example = JSON.parse(fs.readFileSync(path.join('corpus', 'russia-diplomacy-2020.example.argmap.json'), 'utf8')) as { units: Array<{ id: string }>; relations: unknown[]; mainClaim: unknown };
  const units = Array.from({ length: 20_000 }, (_, i) => ({ ...example.units[i % example.units.length], id: `i${i}` }));
  const file = { ...example, units, relations: [], mainClaim: null };
  a = await client.request('POST', `/api/maps/${attacker.mapId}/import`, { fileName: 'big.argmap.json', content: JSON.stringify(file), baseVersion: attacker.version, accept: true }, headers);
  answers.push({ name: 'import of a 20,000-unit map', status: a.status, ms: a.ms });
}
