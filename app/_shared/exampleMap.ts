// The worked example maps shipped in corpus/ (`<document id>.example.argmap.json`), read from
// disk and checked like any import: it must parse and belong to this exact text.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseNative } from '@/lib/formats/native';
import type { AnnotatedMap } from '@/lib/formats/types';
import { rontenMode } from '@/lib/auth/mode';
import type { User } from '@/lib/db';

function examplePath(documentId: string): string | null {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(documentId)) return null;
  return path.join(/*turbopackIgnore: true*/ process.cwd(), 'corpus', `${documentId}.example.argmap.json`);
}

export async function exampleMapExists(documentId: string): Promise<boolean> {
  const file = examplePath(documentId);
  if (!file) return false;
  return fs.access(/*turbopackIgnore: true*/ file).then(
    () => true,
    () => false,
  );
}

export async function loadExampleMap(documentId: string, textSha256: string): Promise<AnnotatedMap | null> {
  const file = examplePath(documentId);
  if (!file) return null;
  let raw: string;
  try {
    raw = await fs.readFile(/*turbopackIgnore: true*/ file, 'utf8');
  } catch {
    return null;
  }
  const parsed = parseNative(JSON.parse(raw));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.map((e) => `${e.at}: ${e.message}`).join('; ')}`);
  if (parsed.value.document.textSha256 !== textSha256) throw new Error(`${file} was made for another version of the text`);
  return parsed.value;
}

/// Whether the user may open a text's worked example (and compare with it). On a classroom
/// server it is an answer key — instructors often take it as an assignment's reference map —
/// so students do not see it; alone, the example is how a new user learns what a map looks like.
export function mayOpenExample(user: Pick<User, 'role'>): boolean {
  return rontenMode() !== 'classroom' || user.role !== 'student';
}
