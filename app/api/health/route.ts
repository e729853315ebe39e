// Liveness and a few facts for operators and the bench: which database, and whether this
// server process has loaded the kuromoji dictionary (page views must not).
import { NextResponse } from 'next/server';
import { openDb } from '@/lib/db';
import { isDictionaryLoaded } from '@/lib/tokens/kuromoji';

export const dynamic = 'force-dynamic';

export async function GET() {
  const db = await openDb();
  return NextResponse.json({ ok: true, database: db.dialect, dictionaryLoaded: isDictionaryLoaded() });
}
