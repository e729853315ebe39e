// What the dashboard, the gradebook routes and the course's gradebook load for an assignment:
// the class's progress (courseDashboard), grades, extensions and rubric versions, and each
// student's agreement with the reference from the review (loadAssignmentReview), put together
// by lib/grading/gradebook.ts. Server-only; authorization is the caller's.
import { courseDashboard, currentRubric, findMap, getDocument, getGrade, getLabelScheme, getMap, listExtensions, listGrades, rubricVersions, studentDue, type Assignment, type Db } from '@/lib/db';
import { lateBy } from '@/lib/grading/deadline';
import { rubricMax } from '@/lib/grading/rubric';
import { suggestScores } from '@/lib/grading/suggest';
import { gradebook, type Gradebook } from '@/lib/grading/gradebook';
import { loadAssignmentReview, type AssignmentReview } from './review';
import { wordTokens } from '@/lib/agreement/classAgreement';

export async function loadGradebook(db: Db, assignment: Assignment, review?: AssignmentReview): Promise<Gradebook> {
  return (await loadClassGrades(db, assignment, review)).book;
}

async function loadClassGrades(db: Db, assignment: Assignment, review?: AssignmentReview) {
  const [students, grades, extensions, rubrics, loaded] = await Promise.all([
    courseDashboard(db, assignment.id),
    listGrades(db, assignment.id),
    listExtensions(db, assignment.id),
    rubricVersions(db, assignment.id),
    review ?? loadAssignmentReview(db, assignment),
  ]);
  const agreement = new Map(
    loaded.agreement.students.flatMap((s) => (s.vsReference ? [[s.userId, { unitsF1: s.vsReference.unitsOverlap.f1, relationsF1: s.vsReference.relationsTyped.f1 }] as const] : [])),
  );
  return { book: gradebook({ dueAt: assignment.dueAt, students, grades, extensions, rubrics, agreement }), students, extensions };
}

/// What the grading panel needs for one student: the current rubric, their grade, due time,
/// lateness, and the suggestions from comparing their map with the reference.
export async function loadGradingPanel(db: Db, assignment: Assignment, studentId: string) {
  const [rubric, grade, due, map, reference, scheme, document] = await Promise.all([
    currentRubric(db, assignment.id),
    getGrade(db, assignment.id, studentId),
    studentDue(db, assignment, studentId),
    findMap(db, assignment.documentId, studentId),
    assignment.referenceMapId ? getMap(db, assignment.referenceMapId) : null,
    getLabelScheme(db, assignment.labelSchemeId),
    // The stored tokens (no tokenizer on a request): suggestions match as the teacher reads.
    assignment.referenceMapId ? getDocument(db, assignment.documentId) : null,
  ]);
  const labels = scheme?.labels.map((l) => l.id) ?? [];
  return {
    rubric,
    grade,
    due,
    mapId: map?.id ?? null,
    submittedAt: map?.submittedAt ?? null,
    lateByMs: lateBy(map?.submittedAt ?? null, due),
    max: rubric ? rubricMax(rubric.criteria) : null,
    suggestions: rubric && map && document ? suggestScores(rubric.criteria, reference, map, labels, wordTokens(document.canonical.text, document.tokens)) : [],
  };
}
export type GradingPanelData = Awaited<ReturnType<typeof loadGradingPanel>>;

/// The dashboard's rows for triage (lib/grading/triage.ts): the gradebook's status, score and
/// agreement, with each student's map and last edit.
export async function loadTriage(db: Db, assignment: Assignment, review?: AssignmentReview) {
  const { book, students, extensions } = await loadClassGrades(db, assignment, review);
  const byUser = new Map(students.map((s) => [s.userId, s]));
  return book.rows.map((r) => {
    const s = byUser.get(r.userId);
    return { ...r, mapId: s?.mapId ?? null, lastEdit: s?.lastEdit ?? null, score: r.total, agreement: r.agreementUnitsF1, dashboard: s ?? null, extension: extensions.get(r.userId) ?? null };
  });
}
export type TriageRowData = Awaited<ReturnType<typeof loadTriage>>[number];
