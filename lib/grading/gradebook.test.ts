import { describe, expect, it } from 'vitest';
import { courseGradebook, courseGradebookCsv, gradebook, gradebookCsv, type GradebookGrade, type GradebookInput } from './gradebook';
import { toCriteria, type Rubric } from './rubric';

const v1: Rubric = { version: 1, createdAt: '2030-01-01T00:00:00.000Z', criteria: toCriteria([{ title: 'thesis', levels: [{ title: 'no', points: 0 }, { title: 'yes', points: 2 }] }]) };
const v2: Rubric = {
  version: 2,
  createdAt: '2030-01-02T00:00:00.000Z',
  criteria: toCriteria([
    { title: 'thesis', levels: [{ title: 'no', points: 0 }, { title: 'yes', points: 2 }] },
    { title: '=evidence', levels: [{ title: 'no', points: 0 }, { title: 'yes', points: 3 }] },
  ]),
};

const student = (name: string, submittedAt: string | null) => ({ userId: `id-${name}`, name, displayName: name.toUpperCase(), mapId: `m-${name}`, lastEdit: '2030-03-01T00:00:00.000Z', submittedAt });
const input: GradebookInput = {
  dueAt: '2030-04-01T00:00:00.000Z',
  students: [student('aki', '2030-04-01T01:30:00.000Z'), student('ben', '2030-04-01T01:30:00.000Z'), student('chi', null)],
  grades: new Map<string, GradebookGrade>([
    ['id-aki', { rubricVersion: 2, scores: { c1: 2, c2: 1.5 }, total: 3.5, returnedAt: '2030-04-02T00:00:00.000Z' }],
    ['id-chi', { rubricVersion: 1, scores: { c1: 2 }, total: 2, returnedAt: null }],
  ]),
  extensions: new Map([['id-ben', '2030-04-02T00:00:00.000Z']]),
  rubrics: new Map([
    [1, v1],
    [2, v2],
  ]),
  agreement: new Map([['id-aki', { unitsF1: 0.9666666666666667, relationsF1: 1 / 3 }]]),
};

describe('gradebook', () => {
  const book = gradebook(input);
  it('gives each student status, lateness against their own due time, points, total and max', () => {
    const [aki, ben, chi] = book.rows;
    expect(aki).toMatchObject({ status: 'returned', lateByMs: 5_400_000, lateByHours: 1.5, gradeState: 'returned', points: { c1: 2, c2: 1.5 }, total: 3.5, max: 5 });
    expect(ben).toMatchObject({ status: 'submitted', due: '2030-04-02T00:00:00.000Z', lateByMs: null, gradeState: 'none', total: null, max: null });
    // graded under rubric version 1: its own total and max, no cells under version 2's criteria
    expect(chi).toMatchObject({ status: 'inProgress', gradeState: 'draft', rubricVersion: 1, points: { c1: null, c2: null }, total: 2, max: 2 });
  });

  it('rounds the agreement to two decimals', () => {
    expect(book.rows[0]).toMatchObject({ agreementUnitsF1: 0.97, agreementRelationsF1: 0.33 });
  });

  it('writes CSV with a BOM, a column per criterion, late flags and formula-safe titles', () => {
    const csv = gradebookCsv(book);
    expect(csv.startsWith('\ufeffname,display_name,status,due,submitted_at,late,late_by_hours,grade,rubric_version,thesis (/2),\'=evidence (/3),total,max,agreement_units_f1,agreement_relations_f1\r\n')).toBe(true);
    expect(csv).toContain('aki,AKI,returned,2030-04-01T00:00:00.000Z,2030-04-01T01:30:00.000Z,true,1.5,returned,2,2,1.5,3.5,5,0.97,0.33\r\n');
    expect(csv).toContain('chi,CHI,inProgress,2030-04-01T00:00:00.000Z,,false,,draft,1,,,2,2,,\r\n');
  });

  it('puts a course’s assignments side by side and sums the returned grades', () => {
    const course = courseGradebook([
      { id: 'a1', title: '第1回', book },
      { id: 'a2', title: '第2回', book: gradebook({ ...input, students: [input.students[0]] }) },
    ]);
    expect(course.rows.map((r) => [r.name, r.total, r.max])).toEqual([
      ['aki', 7, 10],
      ['ben', 0, 0],
      ['chi', 0, 0],
    ]);
    expect(course.rows[1].assignments.a2).toBeUndefined();
    const csv = courseGradebookCsv(course);
    expect(csv).toContain('name,display_name,第1回: status,第1回: late_by_hours,第1回: total,第1回: max,第2回: status');
    expect(csv).toContain('ben,BEN,submitted,,,,,,,,0,0\r\n');
  });
});
