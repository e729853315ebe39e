// POST /api/documents — import a text: { title, text, reflow: auto|on|off, language? } → 201
// { id, title }. Instructors and admins in classroom mode (403 for students, 401
// without a session); the local user in solo mode. The text is canonicalized and tokenized
// here, once (the import path the CLI's import-text uses): page views only read the stored
// tokens. That work (and kuromoji's first dictionary load) runs on a worker thread; the
// request only stores its result. 422 for a bad body (empty text, over TEXT_IMPORT_MAX_CHARS,
// unknown reflow); 503 + Retry-After when the server is overloaded.
import { importText } from '@/lib/corpus/importText';
import { textImportSchema } from '@/lib/corpus/textImportSchema';
import { openDb } from '@/lib/db';
import { runTask } from '@/lib/server/workerPool';
import { handle, json, BODY_LIMITS, readBody } from '@/app/_shared/http';
import { gateWrite } from '@/app/_shared/overload';
import { assertSameOrigin, currentUser, requireRole } from '@/app/_shared/session';

export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return gateWrite(() => handle(request, async () => {
    assertSameOrigin(request);
    const db = await openDb();
    const user = requireRole(await currentUser(db, request), 'instructor', 'admin');
    const body = await readBody(request, textImportSchema, BODY_LIMITS.textImport);
    const id = await importText(
      db,
      { title: body.title, source: body.text, reflow: body.reflow, language: body.language, origin: `imported in the browser by ${user.name}` },
      (input) => runTask('prepareDocument', input),
    );
    return json({ id, title: body.title }, 201);
  }));
}
