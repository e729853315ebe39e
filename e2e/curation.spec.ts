import { expect, test } from './csp';
import { classroomPort } from '../playwright.config';
import { account, freshInstructor } from './classroomAccounts';

// The teacher's reading and curating the reference, on a classroom server: a student who marked
// exactly the thesis clause 「それがロシアの求心力低下による…と思われる」 (386–426) against a
// reference thesis from 「そして、2020年後半に…」 (346–427) is told "found" with boundaries that
// differ; the instructor takes the student's evidence and relation into the reference with one
// click each, sees the worded agreement change, and undoes the last take; a co-instructor does
// the same on the owner's reference; then, from the heat map, takes a passage most of the class
// marked.
test.use({ baseURL: `http://127.0.0.1:${classroomPort}` });

const base = `http://127.0.0.1:${classroomPort}`;
const essay = 'russia-diplomacy-2020';

async function addUnits(page: import('@playwright/test').Page, operations: unknown[]) {
  const state = await (await page.request.get(`/api/documents/${essay}/map`)).json();
  const res = await page.request.post(`/api/maps/${state.mapId}/operations`, { data: { batchId: `e2e-${Date.now()}-${Math.random()}`, baseVersion: state.version, operations }, headers: { origin: base } });
  expect(res.status(), await res.text()).toBe(200);
  return state.mapId as string;
}

const unit = (id: string, label: string, start: number, end: number) => ({ op: 'addUnit', unit: { id, label, start, end, note: '' }, relations: [], mainClaim: false });

test('the exact-thesis case counts as found; a student’s unit and relation are taken into the reference, and undone', async ({ browser }) => {
  const sensei = await account(browser, 'sensei');
  const course = await (await sensei.request.post('/api/courses', { data: { title: `キュレーション ${Date.now()}` }, headers: { origin: base } })).json();
  // The reference: the whole thesis sentence, a claim and the main claim.
  const referenceId = await addUnits(sensei, [{ ...unit('ref-thesis', 'claim', 346, 427), mainClaim: false }, { op: 'setMainClaim', before: null, after: 'ref-thesis' }]);
  const created = await sensei.request.post(`/api/courses/${course.course.id}/assignments`, { data: { documentId: essay, title: '論点の取り込み', referenceMapId: referenceId }, headers: { origin: base } });
  expect(created.status(), await created.text()).toBe(201);
  const assignmentPath = `/assignments/${(await created.json()).assignment.id}`;

  // The student: the thesis clause only, evidence 「ベラルーシでの抗議行動」 (278–289) and its support.
  const student = await account(browser, 'kyureta', course.course.joinCode);
  await addUnits(student, [unit('s-thesis', 'claim', 386, 426), unit('s-evidence', 'evidence', 278, 289), { op: 'addRelation', relation: { id: 's-support', type: 'support', from: 's-evidence', to: 's-thesis', note: '' } }]);

  // The dashboard says it in words: found, with other boundaries.
  await sensei.goto(assignmentPath);
  const row = sensei.getByTestId('dashboard').getByRole('row', { name: /kyureta/ });
  await expect(row.getByTestId('dashboard-found')).toHaveText('基準の論証単位 1 個のうち 1 個を見つけた（1 個は範囲の取り方が異なる）。');
  await expect(sensei.getByTestId('agreement-table').getByRole('row', { name: /kyureta/ }).getByTestId('found-cell')).toContainText('発見率 100%');

  // The comparison: the same words, and the student's evidence is the one unit the reference lacks.
  await row.getByTestId('compare-with-reference').click();
  const sentence = sensei.getByTestId('found-sentence');
  await expect(sentence).toContainText('基準の論証単位 1 個のうち 1 個を見つけた（1 個は範囲の取り方が異なる）。中心となる主張を見つけた。');
  await expect(sensei.getByTestId('extra-summary')).toContainText('(1)');
  await expect(sensei.getByTestId('missing-summary')).toContainText('(0)');

  // One click takes the evidence into the reference; the comparison is recomputed.
  await sensei.getByRole('button', { name: '「ベラルーシでの抗議行動」を基準に取り込む' }).click();
  await expect(sensei.getByTestId('curation-notice')).toContainText('基準に取り込みました: ベラルーシでの抗議行動');
  await expect(sentence).toContainText('基準の論証単位 2 個のうち 2 個を見つけた（1 個は範囲の取り方が異なる）');
  await expect(sensei.getByTestId('extra-summary')).toContainText('(0)');

  // Then the relation: both its ends now have partners, so only the relation is added.
  const takeRelation = sensei.getByTestId('take-relation');
  await expect(takeRelation).toHaveCount(1);
  await takeRelation.click();
  await expect(sensei.getByTestId('curation-notice')).toContainText('基準に取り込みました');
  await expect(sentence).toContainText('基準の関係 1 本のうち 1 本を見つけた');
  await expect(sensei.getByTestId('take-relation')).toHaveCount(0);
  const saved = await (await sensei.request.get(`/api/maps/${referenceId}`)).json();
  expect(saved.map.units.map((u: { start: number; end: number }) => [u.start, u.end])).toEqual([[278, 289], [346, 427]]);
  expect(saved.map.relations).toHaveLength(1);

  // Undo: the relation leaves the reference again.
  await sensei.getByTestId('curation-undo').click();
  await expect(sensei.getByTestId('curation-notice')).toContainText('取り込みを元に戻しました');
  await expect(sentence).not.toContainText('基準の関係');
  expect((await (await sensei.request.get(`/api/maps/${referenceId}`)).json()).map.relations).toHaveLength(0);

  // The student cannot take anything: the compare page is the instructors'.
  expect((await student.goto(sensei.url()))!.status()).toBe(404);

  // A co-instructor has the same rights over the reference the owner made: added by user name,
  // they take the relation again from the same page.
  const colleague = await freshInstructor(browser, 'kyodo');
  const { user: colleagueUser } = await (await colleague.request.get('/api/auth/me')).json();
  const added = await sensei.request.post(`/api/courses/${course.course.id}/instructors`, { data: { name: colleagueUser.name }, headers: { origin: base } });
  expect(added.status(), await added.text()).toBe(201);
  await colleague.goto(sensei.url());
  await expect(colleague.getByTestId('curation-read-only')).toHaveCount(0);
  await colleague.getByTestId('take-relation').click();
  await expect(colleague.getByTestId('curation-notice')).toContainText('基準に取り込みました');
  await expect(colleague.getByTestId('take-relation')).toHaveCount(0);
  expect((await (await sensei.request.get(`/api/maps/${referenceId}`)).json()).map.relations).toHaveLength(1);
  await colleague.getByTestId('curation-undo').click();
  await expect(colleague.getByTestId('curation-notice')).toContainText('取り込みを元に戻しました');
  expect((await (await sensei.request.get(`/api/maps/${referenceId}`)).json()).map.relations).toHaveLength(0);

  // Two more students both mark 「ロシアのサイバー攻撃・サイバー諜報」 (315–332): 2 of 3 is a
  // majority the reference lacks, listed under the heat map with a take button.
  for (const name of ['kyureta2', 'kyureta3']) {
    const other = await account(browser, name, course.course.joinCode);
    await addUnits(other, [unit(`${name}-thesis`, 'claim', 386, 426), unit(`${name}-cyber`, 'evidence', 315, 332)]);
  }
  await sensei.goto(`${assignmentPath}/heatmap`);
  const candidates = sensei.getByTestId('majority-candidates');
  await expect(candidates).toContainText('3 人中 2 人');
  await candidates.getByRole('button', { name: '「ロシアのサイバー攻撃・サイバー諜報」を基準に取り込む' }).click();
  await expect(sensei.getByTestId('curation-notice')).toContainText('基準に取り込みました: ロシアのサイバー攻撃・サイバー諜報');
  await expect(candidates).toContainText('ありません');
  expect((await (await sensei.request.get(`/api/maps/${referenceId}`)).json()).map.units).toHaveLength(3);
});
