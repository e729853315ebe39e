// The gradebook: a row per student of an assignment (status, submission, lateness, points per
// criterion, total, maximum, agreement with the reference) and a course's gradebook across its
// assignments, as JSON rows and as CSV through the project's one CSV writer. Pure: the route
// loads the pieces (lib/db) and hands them here.
//
// - Points per criterion are reported under the assignment's CURRENT rubric. A grade given with
//   an older rubric version keeps its own total and maximum (what the student was told) and its
//   version in `rubricVersion`; its per-criterion cells are empty, since the criteria differ.
// - Numbers a person reads are rounded to two decimals (agreement F1s, hours late); the JSON
//   keeps lateness exact in milliseconds besides.
// - Draft grades count in the teacher's gradebook (gradeState 'draft'); students never see them.
import { csvTable, type CsvCell } from '@/lib/formats/csv';
import { effectiveDue, lateBy } from './deadline';
import { criterionMax, rubricMax, type Rubric, type Scores } from './rubric';
import { gradingStatus, type GradingStatus } from './triage';

export interface GradebookStudent {
  userId: string;
  name: string;
  displayName: string;
  mapId: string | null;
  lastEdit: string | null;
  submittedAt: string | null;
}

export interface GradebookGrade {
  rubricVersion: number;
  scores: Scores;
  total: number;
  returnedAt: string | null;
}

export interface GradebookInput {
  dueAt: string | null;
  students: readonly GradebookStudent[];
  grades: ReadonlyMap<string, GradebookGrade>;
  extensions: ReadonlyMap<string, string>;
  /// Every rubric version, by number; the highest is the current one.
  rubrics: ReadonlyMap<number, Rubric>;
  /// Unit F1 (overlap matching) and typed relation F1 against the reference, by student; absent
  /// without a reference or a started map.
  agreement: ReadonlyMap<string, { unitsF1: number; relationsF1: number }>;
}

export interface GradebookRow {
  userId: string;
  name: string;
  displayName: string;
  status: GradingStatus;
  due: string | null;
  submittedAt: string | null;
  lateByMs: number | null;
  lateByHours: number | null;
  gradeState: 'none' | 'draft' | 'returned';
  rubricVersion: number | null;
  /// Points per criterion of the current rubric (null: not scored, or graded under another version).
  points: Record<string, number | null>;
  total: number | null;
  max: number | null;
  agreementUnitsF1: number | null;
  agreementRelationsF1: number | null;
}

export interface Gradebook {
  /// The current rubric's criteria (the per-criterion columns), [] without a rubric.
  criteria: Array<{ id: string; title: string; max: number }>;
  rubricVersion: number | null;
  rows: GradebookRow[];
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;

export function currentOf(rubrics: ReadonlyMap<number, Rubric>): Rubric | null {
  let best: Rubric | null = null;
  for (const r of rubrics.values()) if (!best || r.version > best.version) best = r;
  return best;
}

export function gradebook(input: GradebookInput): Gradebook {
  const current = currentOf(input.rubrics);
  const criteria = current ? current.criteria.map((c) => ({ id: c.id, title: c.title, max: criterionMax(c) })) : [];
  const rows = input.students.map((s): GradebookRow => {
    const due = effectiveDue(input.dueAt, input.extensions.get(s.userId));
    const late = lateBy(s.submittedAt, due);
    const grade = input.grades.get(s.userId) ?? null;
    const sameVersion = grade !== null && current !== null && grade.rubricVersion === current.version;
    const used = grade ? input.rubrics.get(grade.rubricVersion) : undefined;
    const agreement = input.agreement.get(s.userId);
    return {
      userId: s.userId,
      name: s.name,
      displayName: s.displayName,
      status: gradingStatus({ mapId: s.mapId, lastEdit: s.lastEdit, submittedAt: s.submittedAt, returnedAt: grade?.returnedAt ?? null, lateByMs: late }),
      due,
      submittedAt: s.submittedAt,
      lateByMs: late,
      lateByHours: late === null ? null : round2(late / 3_600_000),
      gradeState: grade === null ? 'none' : grade.returnedAt ? 'returned' : 'draft',
      rubricVersion: grade?.rubricVersion ?? null,
      points: Object.fromEntries(criteria.map((c) => [c.id, sameVersion ? (grade.scores[c.id] ?? null) : null])),
      total: grade ? grade.total : null,
      max: used ? rubricMax(used.criteria) : null,
      agreementUnitsF1: agreement ? round2(agreement.unitsF1) : null,
      agreementRelationsF1: agreement ? round2(agreement.relationsF1) : null,
    };
  });
  return { criteria, rubricVersion: current?.version ?? null, rows };
}

/// The assignment's gradebook as CSV (UTF-8 with BOM, formula-safe cells: lib/formats/csv.ts).
export function gradebookCsv(book: Gradebook): string {
  const header: CsvCell[] = [
    'name',
    'display_name',
    'status',
    'due',
    'submitted_at',
    'late',
    'late_by_hours',
    'grade',
    'rubric_version',
    ...book.criteria.map((c) => `${c.title} (/${c.max})`),
    'total',
    'max',
    'agreement_units_f1',
    'agreement_relations_f1',
  ];
  const rows = book.rows.map((r): CsvCell[] => [
    r.name,
    r.displayName,
    r.status,
    r.due,
    r.submittedAt,
    r.lateByMs !== null,
    r.lateByHours,
    r.gradeState,
    r.rubricVersion,
    ...book.criteria.map((c) => r.points[c.id]),
    r.total,
    r.max,
    r.agreementUnitsF1,
    r.agreementRelationsF1,
  ]);
  return csvTable([header, ...rows]);
}

export interface CourseGradebookRow {
  userId: string;
  name: string;
  displayName: string;
  assignments: Record<string, Pick<GradebookRow, 'status' | 'lateByHours' | 'gradeState' | 'total' | 'max'>>;
  /// Sums over the assignments whose grade was returned.
  total: number;
  max: number;
}

/// One row per student across the course's assignments (in the order given); a student missing
/// from an assignment's gradebook (joined later, left) has no entry for it.
export function courseGradebook(assignments: ReadonlyArray<{ id: string; title: string; book: Gradebook }>): { assignments: Array<{ id: string; title: string }>; rows: CourseGradebookRow[] } {
  const rows = new Map<string, CourseGradebookRow>();
  for (const a of assignments) {
    for (const r of a.book.rows) {
      let row = rows.get(r.userId);
      if (!row) rows.set(r.userId, (row = { userId: r.userId, name: r.name, displayName: r.displayName, assignments: {}, total: 0, max: 0 }));
      row.assignments[a.id] = { status: r.status, lateByHours: r.lateByHours, gradeState: r.gradeState, total: r.total, max: r.max };
      if (r.gradeState === 'returned' && r.total !== null && r.max !== null) {
        row.total += r.total;
        row.max += r.max;
      }
    }
  }
  const sorted = [...rows.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { assignments: assignments.map((a) => ({ id: a.id, title: a.title })), rows: sorted };
}

export function courseGradebookCsv(book: ReturnType<typeof courseGradebook>): string {
  const header: CsvCell[] = ['name', 'display_name', ...book.assignments.flatMap((a) => [`${a.title}: status`, `${a.title}: late_by_hours`, `${a.title}: total`, `${a.title}: max`]), 'total_returned', 'max_returned'];
  const rows = book.rows.map((r): CsvCell[] => [
    r.name,
    r.displayName,
    ...book.assignments.flatMap((a) => {
      const x = r.assignments[a.id];
      return x ? [x.status, x.lateByHours, x.gradeState === 'none' ? null : x.total, x.gradeState === 'none' ? null : x.max] : [null, null, null, null];
    }),
    r.total,
    r.max,
  ]);
  return csvTable([header, ...rows]);
}
