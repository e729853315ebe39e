// How a notification reads, in the reader's language (the notifications page, the student's home).
import type { Notification } from '@/lib/db';
import type { Translate } from '@/lib/i18n/locale';

/// A notification in the reader's language: who did what, on which assignment (or text).
export function notificationText(t: Translate, n: Notification): string {
  const actor = n.actor ? n.actor.displayName || n.actor.name : t('notify.someone');
  return t(`notify.kind.${n.kind}`, { actor, title: n.assignmentTitle ?? n.documentTitle ?? '' });
}
