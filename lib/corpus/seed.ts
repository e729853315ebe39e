// Makes the shipped corpus (corpus/*.meta.json + its source file) available as documents.
// Idempotent: texts already imported (by id) are left alone, so the app's start-up can call it.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { documentExists } from '@/lib/db';
import { decodeSourceFile } from './sourceFile';
import { importText } from './importText';

const corpusMetaSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase words joined by hyphens'),
  title: z.string().min(1),
  language: z.string().min(2),
  source: z.string().min(1),
  reflow: z.enum(['auto', 'on', 'off']).default('auto'),
  origin: z.string().optional(),
});
export type CorpusMeta = z.infer<typeof corpusMetaSchema>;

export function defaultCorpusDir(): string {
  return path.join(process.cwd(), 'corpus');
}

export async function readCorpus(dir = defaultCorpusDir()): Promise<Array<CorpusMeta & { sourcePath: string }>> {
  const names = (await fs.readdir(dir)).filter((n) => n.endsWith('.meta.json')).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const parsed = corpusMetaSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return { ...parsed.data, sourcePath: path.join(dir, parsed.data.source) };
    }),
  );
}

/// Imports every corpus text not yet in the database; returns the ids it imported.
export async function seedCorpus(db: Db, dir = defaultCorpusDir()): Promise<string[]> {
  const imported: string[] = [];
  for (const meta of await readCorpus(dir)) {
    if (await documentExists(db, meta.id)) continue;
    const source = decodeSourceFile(await fs.readFile(meta.sourcePath), meta.source);
    imported.push(
      await importText(db, { id: meta.id, title: meta.title, language: meta.language, source, reflow: meta.reflow, origin: meta.origin ?? null }),
    );
  }
  return imported;
}
