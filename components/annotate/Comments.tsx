'use client';
// Feedback comments beside the units: a count on each unit row, the thread under the open unit
// and under each of its relations, the map-level ones at the top of the list, and a box to
// write one (Ctrl+Enter sends). The page loads the comments with the map; new ones are posted
// to /api/maps/[mapId]/comments and shown without a reload. Comments never touch the map
// value, so they stay out of undo and autosave.
import { useCallback, useMemo, useState } from 'react';
import type { ArgumentMap, Relation } from '@/lib/argument';
import { COMMENT_MAX_LENGTH, type CommentTargetKind, type MapComment } from '@/lib/comments/types';
import { useLocale, useT } from '../I18nProvider';
import { requestJson, serverReason } from '../useJsonRequest';

/// What a page passes to the workspace: the map the comments belong to (also on read-only
/// review pages, whose workspace has no mapId), who is looking, and the comments so far.
export interface CommentsProps {
  mapId: string;
  viewerId: string;
  initial: MapComment[];
}

type Result = { ok: true } | { ok: false; reason: string };

export interface Feedback {
  viewerId: string;
  all: MapComment[];
  of(kind: CommentTargetKind, id: string | null): MapComment[];
  add(kind: CommentTargetKind, id: string | null, body: string): Promise<Result>;
  remove(commentId: string): Promise<Result>;
}

const none: MapComment[] = [];
const keyOf = (kind: CommentTargetKind, id: string | null) => `${kind}:${id ?? ''}`;

/// The comments of the page's map and how to add and delete them; null without comments (the
/// example map).
export function useFeedback(props: CommentsProps | undefined): Feedback | null {
  const [all, setAll] = useState(props?.initial ?? none);
  const mapId = props?.mapId;
  const viewerId = props?.viewerId ?? '';
  const t = useT();
  const add = useCallback(
    async (kind: CommentTargetKind, id: string | null, body: string): Promise<Result> => {
      const r = await requestJson(t, `/api/maps/${encodeURIComponent(mapId!)}/comments`, 'POST', { targetKind: kind, targetId: id, body });
      if (!r.ok) return { ok: false, reason: serverReason(t, r) };
      setAll((list) => [...list, r.data.comment as MapComment]);
      return { ok: true };
    },
    [mapId, t],
  );
  const remove = useCallback(
    async (commentId: string): Promise<Result> => {
      const r = await requestJson(t, `/api/maps/${encodeURIComponent(mapId!)}/comments/${encodeURIComponent(commentId)}`, 'DELETE');
      if (!r.ok) return { ok: false, reason: serverReason(t, r) };
      setAll((list) => list.filter((c) => c.id !== commentId));
      return { ok: true };
    },
    [mapId, t],
  );
  return useMemo(() => {
    if (!mapId) return null;
    const byTarget = new Map<string, MapComment[]>();
    for (const c of all) {
      const key = keyOf(c.targetKind, c.targetId);
      byTarget.set(key, [...(byTarget.get(key) ?? []), c]);
    }
    return { viewerId, all, of: (kind, id) => byTarget.get(keyOf(kind, id)) ?? none, add, remove };
  }, [mapId, viewerId, all, add, remove]);
}

/// Comments on the unit and on its relations: the number its row shows.
export function commentCount(feedback: Feedback | null, unitId: string, relations: readonly Relation[]): number {
  if (!feedback || feedback.all.length === 0) return 0;
  return feedback.of('unit', unitId).length + relations.reduce((n, r) => n + feedback.of('relation', r.id).length, 0);
}

export function CommentBadge({ n }: { n: number }) {
  const t = useT();
  if (n === 0) return null;
  return (
    <span data-testid="comment-count" title={t('comments.count', { n })} className="ml-1 inline-flex items-center gap-0.5 rounded bg-violet-100 px-1 text-xs font-semibold text-violet-900">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3 fill-current">
        <path d="M2 2h12v9H6l-3 3v-3H2z" />
      </svg>
      <span className="sr-only">{t('comments.count', { n })}</span>
      <span aria-hidden="true">{n}</span>
    </span>
  );
}

/// The comments on one target, oldest first, and (with `compose`) the box to add one.
export function CommentThread({ feedback, kind, id, compose = false, label }: { feedback: Feedback; kind: CommentTargetKind; id: string | null; compose?: boolean; label?: string }) {
  const t = useT();
  const items = feedback.of(kind, id);
  return (
    <div className="space-y-1" data-comments-on={keyOf(kind, id)}>
      <CommentItems feedback={feedback} items={items} label={label ?? t('comments.heading')} />
      {compose && <CommentBox onSend={(body) => feedback.add(kind, id, body)} />}
    </div>
  );
}

function CommentItems({ feedback, items, label }: { feedback: Feedback; items: MapComment[]; label: string }) {
  const t = useT();
  const locale = useLocale();
  const [failure, setFailure] = useState<string | null>(null);
  if (items.length === 0) return null;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const remove = async (id: string) => {
    if (!window.confirm(t('comments.confirmDelete'))) return;
    setFailure(null);
    const r = await feedback.remove(id);
    if (!r.ok) setFailure(t('comments.deleteFailed', { reason: r.reason }));
  };
  return (
    <>
      {failure && (
        <p role="alert" className="text-xs text-red-700">
          {failure}
        </p>
      )}
      <ul aria-label={label} className="space-y-1">
        {items.map((c) => (
          <li key={c.id} data-comment-id={c.id} className="rounded border border-violet-200 bg-violet-50 px-2 py-1 text-xs">
            <p className="flex flex-wrap items-baseline gap-x-1.5 text-stone-600">
              <span className="font-semibold text-stone-800">{c.author.displayName || c.author.name}</span>
              {(c.author.role === 'instructor' || c.author.role === 'admin') && !c.byOwner && <span className="text-violet-800">{t('comments.instructor')}</span>}
              {c.byOwner && c.author.role !== 'local' && <span>{t('comments.owner')}</span>}
              <time dateTime={c.createdAt} suppressHydrationWarning>
                {date.format(new Date(c.createdAt))}
              </time>
              {c.author.id === feedback.viewerId && (
                <button type="button" className="ml-auto text-stone-500 hover:text-red-700 pointer-coarse:min-h-11 pointer-coarse:min-w-11" aria-label={t('comments.delete')} title={t('comments.delete')} onClick={() => remove(c.id)}>
                  ×
                </button>
              )}
            </p>
            <p className="whitespace-pre-wrap break-words text-sm text-stone-900">{c.body}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

function CommentBox({ onSend }: { onSend: (body: string) => Promise<Result> }) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const body = draft.trim();
  const tooLong = body.length > COMMENT_MAX_LENGTH;
  const submit = async () => {
    if (busy || !body || tooLong) return;
    setBusy(true);
    const r = await onSend(body);
    setBusy(false);
    if (r.ok) setDraft('');
    setMessage(r.ok ? { error: false, text: t('comments.posted') } : { error: true, text: t('comments.failed', { reason: r.reason }) });
  };
  return (
    <form
      className="space-y-1"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="block">
        <span className="sr-only">{t('comments.write')}</span>
        <textarea
          value={draft}
          rows={2}
          placeholder={t('comments.placeholder')}
          aria-keyshortcuts="Control+Enter"
          aria-invalid={tooLong || undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            setMessage(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
          className="w-full rounded border border-stone-300 px-2 py-1 text-sm"
        />
      </label>
      <div className="flex items-center gap-2 text-xs">
        <button type="submit" className="btn" disabled={busy || !body || tooLong}>
          {busy ? t('comments.sending') : t('comments.submit')}
        </button>
        {tooLong && <span className="text-red-700">{t('comments.tooLong', { max: COMMENT_MAX_LENGTH, n: body.length })}</span>}
        <span role={message?.error ? 'alert' : 'status'} className={message?.error ? 'text-red-700' : 'sr-only'}>
          {message?.text}
        </span>
      </div>
    </form>
  );
}

/// Under a relation line: its comments, and a box that opens on demand (a unit may have many).
export function RelationComments({ feedback, relationId }: { feedback: Feedback; relationId: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <div className="ml-3 space-y-1">
      <CommentThread feedback={feedback} kind="relation" id={relationId} compose={open} />
      {!open && (
        <button type="button" className="text-xs text-violet-800 underline pointer-coarse:min-h-11" onClick={() => setOpen(true)}>
          {t('comments.commentRelation')}
        </button>
      )}
    </div>
  );
}

/// The top of the unit list: comments on the whole map, those whose unit or relation is gone,
/// and a box for a general remark.
export function MapComments({ feedback, map }: { feedback: Feedback; map: ArgumentMap }) {
  const t = useT();
  const general = feedback.of('map', null);
  const orphans = useMemo(() => {
    const units = new Set(map.units.map((u) => u.id));
    const relations = new Set(map.relations.map((r) => r.id));
    return feedback.all.filter((c) => (c.targetKind === 'unit' && !units.has(c.targetId!)) || (c.targetKind === 'relation' && !relations.has(c.targetId!)));
  }, [feedback.all, map.units, map.relations]);
  return (
    <details open={general.length + orphans.length > 0} className="mb-3 rounded border border-violet-200 px-2 py-1 text-sm" data-testid="map-comments">
      <summary className="cursor-pointer text-violet-900">{t('comments.onMapCount', { n: general.length + orphans.length })}</summary>
      <div className="mt-1 space-y-2">
        <CommentThread feedback={feedback} kind="map" id={null} compose label={t('comments.onMap')} />
        <CommentItems feedback={feedback} items={orphans} label={t('comments.orphan')} />
      </div>
    </details>
  );
}

/// In the map tab: the thread of the unit or relation selected there.
export function SelectedComments({ feedback, unitId, relationId }: { feedback: Feedback | null; unitId: string | null; relationId: string | null }) {
  const t = useT();
  if (!feedback || (!unitId && !relationId)) return null;
  const label = t(unitId ? 'comments.onUnit' : 'comments.onRelation');
  return (
    <section aria-label={label} className="mt-2 max-h-64 overflow-y-auto border-t border-stone-200 pt-2">
      <h3 className="mb-1 text-xs font-semibold text-stone-600">{label}</h3>
      <CommentThread feedback={feedback} kind={unitId ? 'unit' : 'relation'} id={unitId ?? relationId} compose label={label} />
    </section>
  );
}
