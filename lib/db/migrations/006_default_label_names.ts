// 006_default_label_names: the default scheme's English names as the interface, the formats and
// the example map spell them — Claim, Evidence, Counterargument, Rebuttal; 001 seeded them in
// lower case, so an English toolbar read "claim 1". Only a scheme still as seeded is changed:
// an administrator's own wording stays.

import type { Kysely } from 'kysely';

const seeded = JSON.stringify([
  { id: 'claim', ja: '主張', en: 'claim' },
  { id: 'evidence', ja: '根拠', en: 'evidence' },
  { id: 'counterargument', ja: '反論', en: 'counterargument' },
  { id: 'rebuttal', ja: '再反論', en: 'rebuttal' },
]);

const named = JSON.stringify([
  { id: 'claim', ja: '主張', en: 'Claim' },
  { id: 'evidence', ja: '根拠', en: 'Evidence' },
  { id: 'counterargument', ja: '反論', en: 'Counterargument' },
  { id: 'rebuttal', ja: '再反論', en: 'Rebuttal' },
]);

export async function up(db: Kysely<any>): Promise<void> {
  await db.updateTable('label_schemes').set({ labels_json: named }).where('id', '=', 'default').where('labels_json', '=', seeded).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.updateTable('label_schemes').set({ labels_json: seeded }).where('id', '=', 'default').where('labels_json', '=', named).execute();
}
