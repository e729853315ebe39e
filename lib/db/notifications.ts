// Notifications: telling people in the app what happened to them. One owner of the rules of who
// is told what: notify(db, event).
//
//   comment   an instructor (any reader but the owner) commented on a student's map → its owner
//   reply     the owner commented on their own map → the instructors who teach them on that
//             text (every course with an assignment on it in which the owner is a student)
//   submitted a student submitted the map of an assignment → the course's instructors
//   returned  an instructor returned a graded map → its owner
//
// Invariants:
// - The actor is never told about their own action.
// - One event is one INSERT of all its rows (all recipients or none), then, if configured, one
//   webhook POST that never blocks the caller (lib/net/webhook.ts).
// - A notification belongs to its recipient: listing and marking read take the user's id, so
//   nobody reads or clears another's.
// Words are the client's: rows carry the kind and links, the page words them from the catalog.

import { randomUUID } from 'node:crypto';
import type { Db } from './connect';
import type { NotificationsTable } from './schema';
import { NotFoundError } from './errors';
import { deliver, type WebhookRecipient } from '@/lib/net/webhook';
import { serverOrigins } from '@/lib/net/origins';

export type NotificationKind = NotificationsTable['kind'];
export const NOTIFICATION_KINDS: readonly NotificationKind[] = ['comment', 'reply', 'submitted', 'returned'];

export type NotificationEvent =
  /// A comment was added to the map (comment or reply is decided from who wrote it).
  | { kind: 'comment'; mapId: string; commentId: string; actorId: string }
  | { kind: 'submitted' | 'returned'; assignmentId: string; mapId: string; actorId: string };

export interface Notification {
  id: string;
  kind: NotificationKind;
  actor: { name: string; displayName: string } | null;
  mapId: string | null;
  documentId: string | null;
  documentTitle: string | null;
  assignmentId: string | null;
  assignmentTitle: string | null;
  commentId: string | null;
  /// The comment's text, when the notification is about one that still exists.
  commentBody: string | null;
  createdAt: string;
  readAt: string | null;
}

/// Records the event for everyone it concerns and sends it to the webhook; returns the ids of
/// the users told. NotFoundError for an unknown map or assignment.
export async function notify(db: Db, event: NotificationEvent, now = new Date()): Promise<string[]> {
  const map = await db.kysely.selectFrom('argument_maps').select(['user_id', 'document_id']).where('id', '=', event.mapId).executeTakeFirst();
  if (!map) throw new NotFoundError('argument map', event.mapId);
  let kind: NotificationKind;
  let recipients: string[];
  let assignmentId: string | null;
  if (event.kind === 'comment') {
    const assignment = await studentAssignmentOn(db, map.user_id, map.document_id);
    assignmentId = assignment;
    if (event.actorId === map.user_id) {
      kind = 'reply';
      recipients = await instructorsOfStudentOn(db, map.user_id, map.document_id);
    } else {
      kind = 'comment';
      recipients = [map.user_id];
    }
  } else {
    const assignment = await db.kysely.selectFrom('assignments').select('course_id').where('id', '=', event.assignmentId).executeTakeFirst();
    if (!assignment) throw new NotFoundError('assignment', event.assignmentId);
    kind = event.kind;
    assignmentId = event.assignmentId;
    recipients = event.kind === 'returned' ? [map.user_id] : await courseInstructors(db, assignment.course_id);
  }
  recipients = [...new Set(recipients)].filter((id) => id !== event.actorId);
  if (recipients.length === 0) return [];

  const at = now.toISOString();
  const commentId = event.kind === 'comment' ? event.commentId : null;
  await db.kysely
    .insertInto('notifications')
    .values(
      recipients.map((userId) => ({
        id: randomUUID(),
        user_id: userId,
        kind,
        actor_id: event.actorId,
        map_id: event.mapId,
        document_id: map.document_id,
        comment_id: commentId,
        assignment_id: assignmentId,
        created_at: at,
        read_at: null,
      })),
    )
    .execute();

  const people = await db.kysely.selectFrom('users').select(['id', 'name', 'display_name']).where('id', 'in', [...recipients, event.actorId]).execute();
  const person = (id: string): WebhookRecipient | null => {
    const p = people.find((r) => r.id === id);
    return p ? { userId: p.id, name: p.name, displayName: p.display_name } : null;
  };
  void deliver({
    type: 'ronten.notification',
    kind,
    recipients: recipients.map(person).filter((p): p is WebhookRecipient => p !== null),
    actor: person(event.actorId),
    mapId: event.mapId,
    documentId: map.document_id,
    assignmentId,
    commentId,
    url: `${serverOrigins().list[0]}${notificationPath({ kind, mapId: event.mapId, documentId: map.document_id })}`,
    createdAt: at,
  });
  return recipients;
}

/// Where a notification leads: the student's own map of the text (comments, returned work), or
/// the map's review page for instructors (submissions, replies).
export function notificationPath(n: { kind: NotificationKind; mapId: string | null; documentId: string | null }): string {
  if ((n.kind === 'comment' || n.kind === 'returned') && n.documentId) return `/documents/${encodeURIComponent(n.documentId)}`;
  if (n.mapId) return `/maps/${encodeURIComponent(n.mapId)}`;
  return '/notifications';
}

/// The user's unread notifications.
export async function unreadCount(db: Db, userId: string): Promise<number> {
  const row = await db.kysely.selectFrom('notifications').select((eb) => eb.fn.countAll().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/// The user's notifications, newest first (at most `limit`).
export async function listNotifications(db: Db, userId: string, limit = 100): Promise<Notification[]> {
  const rows = await db.kysely
    .selectFrom('notifications as n')
    .leftJoin('users as a', 'a.id', 'n.actor_id')
    .leftJoin('documents as d', 'd.id', 'n.document_id')
    .leftJoin('assignments as s', 's.id', 'n.assignment_id')
    .leftJoin('comments as c', 'c.id', 'n.comment_id')
    .select([
      'n.id',
      'n.kind',
      'n.map_id',
      'n.document_id',
      'n.assignment_id',
      'n.comment_id',
      'n.created_at',
      'n.read_at',
      'a.name as actor_name',
      'a.display_name as actor_display_name',
      'd.title as document_title',
      's.title as assignment_title',
      'c.body as comment_body',
    ])
    .where('n.user_id', '=', userId)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    actor: r.actor_name ? { name: r.actor_name, displayName: r.actor_display_name ?? r.actor_name } : null,
    mapId: r.map_id,
    documentId: r.document_id,
    documentTitle: r.document_title ?? null,
    assignmentId: r.assignment_id,
    assignmentTitle: r.assignment_title ?? null,
    commentId: r.comment_id,
    commentBody: r.comment_body ?? null,
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
}

/// Marks the user's notifications read: those with these ids, or all of them. Ids that are not
/// the user's are ignored. Returns the unread count left.
export async function markNotificationsRead(db: Db, userId: string, which: readonly string[] | 'all', now = new Date()): Promise<number> {
  let q = db.kysely.updateTable('notifications').set({ read_at: now.toISOString() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (which !== 'all') {
    if (which.length === 0) return unreadCount(db, userId);
    q = q.where('id', 'in', which);
  }
  await q.execute();
  return unreadCount(db, userId);
}

/// Unread notifications per map of the user (for the student's home page: unread feedback).
export async function unreadByDocument(db: Db, userId: string): Promise<Map<string, number>> {
  const rows = await db.kysely
    .selectFrom('notifications')
    .select(['document_id', (eb) => eb.fn.countAll().as('n')])
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .where('document_id', 'is not', null)
    .groupBy('document_id')
    .execute();
  return new Map(rows.map((r) => [r.document_id!, Number(r.n)]));
}

/// Instructors of the course (the owner is enrolled as one).
async function courseInstructors(db: Db, courseId: string): Promise<string[]> {
  const rows = await db.kysely.selectFrom('enrolments').select('user_id').where('course_id', '=', courseId).where('role', '=', 'instructor').execute();
  return rows.map((r) => r.user_id);
}

/// The instructors of every course with an assignment on the document in which the student is
/// enrolled as a student: who reads that student's map of it.
async function instructorsOfStudentOn(db: Db, studentId: string, documentId: string): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom('enrolments as t')
    .select('t.user_id')
    .distinct()
    .where('t.role', '=', 'instructor')
    .where('t.course_id', 'in', (eb) =>
      eb
        .selectFrom('assignments as a')
        .innerJoin('enrolments as s', (j) => j.onRef('s.course_id', '=', 'a.course_id').on('s.user_id', '=', studentId).on('s.role', '=', 'student'))
        .select('a.course_id')
        .where('a.document_id', '=', documentId),
    )
    .execute();
  return rows.map((r) => r.user_id);
}

/// The oldest assignment on the document in a course the student takes, or null.
async function studentAssignmentOn(db: Db, studentId: string, documentId: string): Promise<string | null> {
  const row = await db.kysely
    .selectFrom('assignments as a')
    .innerJoin('enrolments as s', (j) => j.onRef('s.course_id', '=', 'a.course_id').on('s.user_id', '=', studentId).on('s.role', '=', 'student'))
    .select('a.id')
    .where('a.document_id', '=', documentId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}
