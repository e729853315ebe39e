// A student's standing on an assignment and the instructor's triage of a class: the status of
// each map, sorting and filtering the dashboard, and the "next to review" walk. Pure.
//
// Statuses (one per student, the first that holds):
// - returned: the grade was returned after the map's latest submission;
// - late: submitted after the student's due time;
// - submitted: submitted on time;
// - inProgress: the map has been written to but is not submitted;
// - notStarted: no map, or a map never written to.
// "Next to review" walks the submitted (or late) maps whose grade has not been returned, in the
// order of submission (earliest first, then user name), so a class's work is read in the order
// it came in; after the last it starts again from the first.

export const STATUSES = ['notStarted', 'inProgress', 'submitted', 'late', 'returned'] as const;
export type GradingStatus = (typeof STATUSES)[number];

export interface StatusInput {
  mapId: string | null;
  lastEdit: string | null;
  submittedAt: string | null;
  returnedAt: string | null;
  lateByMs: number | null;
}

export function gradingStatus(s: StatusInput): GradingStatus {
  if (s.submittedAt) {
    if (s.returnedAt && s.returnedAt >= s.submittedAt) return 'returned';
    return s.lateByMs !== null ? 'late' : 'submitted';
  }
  return s.mapId && s.lastEdit ? 'inProgress' : 'notStarted';
}

/// What the dashboard sorts and filters: one row per student.
export interface TriageRow {
  userId: string;
  name: string;
  status: GradingStatus;
  submittedAt: string | null;
  lastEdit: string | null;
  /// Total points given (draft or returned), null when ungraded.
  score: number | null;
  /// Unit F1 (overlap) against the reference, null without one.
  agreement: number | null;
}

export const SORT_KEYS = ['name', 'status', 'score', 'agreement', 'lastEdit', 'submittedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/// Rows sorted by `key` (nulls last whatever the direction; ties by name, then id).
export function sortRows<R extends TriageRow>(rows: readonly R[], key: SortKey, descending = false): R[] {
  const value = (r: R): string | number | null => (key === 'status' ? STATUSES.indexOf(r.status) : r[key]);
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      const c = va < vb ? -1 : 1;
      return descending ? -c : c;
    }
    return a.name < b.name ? -1 : a.name > b.name ? 1 : a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
  });
}

/// Rows whose status is one of `statuses` (all rows for an empty list).
export function filterRows<R extends TriageRow>(rows: readonly R[], statuses: readonly GradingStatus[]): R[] {
  return statuses.length === 0 ? [...rows] : rows.filter((r) => statuses.includes(r.status));
}

/// Whether a row waits for the instructor: submitted (on time or late), grade not returned.
export const awaitsReview = (r: Pick<TriageRow, 'status'>): boolean => r.status === 'submitted' || r.status === 'late';

/// The queue of maps to review, in order (see the header).
export function reviewQueue<R extends TriageRow>(rows: readonly R[]): R[] {
  return rows
    .filter(awaitsReview)
    .sort((a, b) => (a.submittedAt! < b.submittedAt! ? -1 : a.submittedAt! > b.submittedAt! ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/// The next map to review after the student `afterUserId` (the first when null or not queued),
/// or null when nothing waits.
export function nextToReview<R extends TriageRow>(rows: readonly R[], afterUserId: string | null): R | null {
  const queue = reviewQueue(rows);
  if (queue.length === 0) return null;
  const at = afterUserId === null ? -1 : queue.findIndex((r) => r.userId === afterUserId);
  if (at === -1) return queue[0];
  return queue.length === 1 ? null : queue[(at + 1) % queue.length];
}
