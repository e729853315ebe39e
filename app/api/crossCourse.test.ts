// Two courses on one text, each with its own instructor (classroom mode, through the real
// handlers, on SQLite and PostgreSQL when available). Every assignment on a text uses one label
// scheme (a student has one map per text), so once one course has set a text with an
// instructor's own scheme, another course's instructor must still be able to set that text —
// with that scheme — and the refusal of any other scheme must not tell them what the other
// course calls its assignment.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocument, type Db } from '@/lib/db';
import { NON_BMP_SURFACES, fixtureDocument, testBackends } from '@/lib/db/test-support';
import { params, request, signUpAll, useApiDb } from './_test/support';
import { POST as createScheme } from './label-schemes/route';
import { POST as createCourseRoute } from './courses/route';
import { POST as createAssignmentRoute } from './courses/[id]/assignments/route';

const toulmin = [
  { id: 'claim', ja: '主張', en: 'Claim' },
  { id: 'data', ja: 'データ', en: 'Data' },
  { id: 'warrant', ja: '論拠', en: 'Warrant' },
];

describe.each(testBackends())('one text in two courses on $name', (backend) => {
  const t = useApiDb(backend, 'classroom');
  let db: Db;
  let cookie: Record<'admin' | 'tanaka' | 'suzuki', string>;
  let doc: string;
  let schemeId: string;
  let suzukiCourse: string;
  const assign = (courseId: string, who: string, body: Record<string, unknown>) =>
    createAssignmentRoute(request('POST', `/api/courses/${courseId}/assignments`, { body: { documentId: doc, ...body }, cookie: who }), params({ id: courseId }));

  beforeAll(async () => {
    db = t.db;
    ({ cookie } = await signUpAll(db, ['admin', 'tanaka', 'suzuki'] as const, { instructors: ['tanaka', 'suzuki'] }));
    doc = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    schemeId = (await (await createScheme(request('POST', '/api/label-schemes', { body: { name: 'トゥールミン', labels: toulmin }, cookie: cookie.tanaka }))).json()).scheme.id;
    const course = async (who: string, title: string) => (await (await createCourseRoute(request('POST', '/api/courses', { body: { title }, cookie: who }))).json()).course.id as string;
    const tanakaCourse = await course(cookie.tanaka, '田中ゼミ');
    suzukiCourse = await course(cookie.suzuki, '鈴木ゼミ');
    expect((await assign(tanakaCourse, cookie.tanaka, { title: '田中ゼミ 期末課題（非公開）', labelSchemeId: schemeId })).status).toBe(201);
  });

  it('refuses another scheme on that text without naming the other course’s assignment', async () => {
    const res = await assign(suzukiCourse, cookie.suzuki, { title: '鈴木ゼミ 第1回' });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error).toMatch(/label scheme/);
    expect(error).not.toContain('田中ゼミ');
    expect(await db.kysely.selectFrom('assignments').select('id').where('course_id', '=', suzukiCourse).execute()).toEqual([]);
  });

  it('lets the other course’s instructor set the text in the scheme it already uses', async () => {
    const res = await assign(suzukiCourse, cookie.suzuki, { title: '鈴木ゼミ 第1回', labelSchemeId: schemeId });
    expect(res.status).toBe(201);
    expect((await res.json()).assignment.labelSchemeId).toBe(schemeId);
  });

  it('still refuses another instructor’s scheme on a text that does not use it', async () => {
    const other = await createDocument(db, fixtureDocument(['別の', '文章', '。']));
    const res = await createAssignmentRoute(
      request('POST', `/api/courses/${suzukiCourse}/assignments`, { body: { documentId: other, title: '別の文章', labelSchemeId: schemeId }, cookie: cookie.suzuki }),
      params({ id: suzukiCourse }),
    );
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatch(/another instructor/);
  });
});
