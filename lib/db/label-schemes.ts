// Label schemes: the set of unit labels a map uses. The default scheme (id "default":
// 主張 claim, 根拠 evidence, 反論 counterargument, 再反論 rebuttal) is seeded by migration 001,
// so it exists in every database; new maps use it.

import type { Db } from './connect';

export const DEFAULT_LABEL_SCHEME_ID = 'default';

export interface Label {
  id: string;
  ja: string;
  en: string;
}

export interface LabelScheme {
  id: string;
  name: string;
  labels: Label[];
}

export async function getLabelScheme(db: Db, id: string): Promise<LabelScheme | null> {
  const row = await db.kysely
    .selectFrom('label_schemes')
    .select(['id', 'name', 'labels_json'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, labels: JSON.parse(row.labels_json) as Label[] } : null;
}
