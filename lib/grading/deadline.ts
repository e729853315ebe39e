// Deadlines: when a student's work is due (the assignment's due time, or their extension), how
// late a submission is, and whether a submission is still taken. Pure; times are ISO strings as
// stored (UTC), compared as instants.
//
// - 'accept' (the default): work handed in after the due time is taken and marked late, with
//   how late (milliseconds past the due time, for the student's own due time).
// - 'lock': nothing is taken after the due time; an extension moves that time for its student.
// - No due time: nothing is ever late or locked.

export const LATE_POLICIES = ['accept', 'lock'] as const;
export type LatePolicy = (typeof LATE_POLICIES)[number];
export const DEFAULT_LATE_POLICY: LatePolicy = 'accept';

/// The student's due time: their extension when they have one, else the assignment's.
export function effectiveDue(dueAt: string | null, extensionDueAt: string | null | undefined): string | null {
  return extensionDueAt ?? dueAt;
}

/// Milliseconds the submission came after the due time, or null when it was on time (or there
/// is no due time, or nothing was submitted).
export function lateBy(submittedAt: string | null, due: string | null): number | null {
  if (!submittedAt || !due) return null;
  const late = Date.parse(submittedAt) - Date.parse(due);
  return late > 0 ? late : null;
}

/// Whether a submission at `now` is refused under the policy.
export function submissionClosed(policy: LatePolicy, due: string | null, now: Date): boolean {
  return policy === 'lock' && due !== null && now.getTime() > Date.parse(due);
}

/// A lateness in whole units for people: days, hours and minutes (minutes rounded up, so a
/// submission one second late never reads as "0 minutes late").
export function lateParts(ms: number): { days: number; hours: number; minutes: number } {
  const totalMinutes = Math.ceil(ms / 60_000);
  return { days: Math.floor(totalMinutes / 1440), hours: Math.floor((totalMinutes % 1440) / 60), minutes: totalMinutes % 60 };
}
