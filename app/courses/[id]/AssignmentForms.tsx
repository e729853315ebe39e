'use client';
// The instructor's forms on a course page: a new assignment (title, document, optional due date,
// label scheme, optional reference map), changing an assignment's due date and reference map
// later, and a new label scheme. Due dates are typed in the browser's time zone
// (datetime-local) and sent as ISO UTC; the server checks everything again.
import { useEffect, useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useT } from '@/components/I18nProvider';
import { useJsonRequest } from '@/components/useJsonRequest';
import { isoToLocalDateTime, LABEL_NAME_MAX, localDateTimeToIso, MAX_LABELS, parseLabelLines } from '@/lib/classroom/schemas';

/// One of the instructor's own maps, as a reference candidate (label formatted by the server).
export interface ReferenceCandidate {
  mapId: string;
  documentId: string;
  labelSchemeId: string;
  label: string;
}

export interface SchemeChoice {
  id: string;
  name: string;
  labelCount: number;
}

const input = 'rounded border border-stone-300 px-2 py-1';

/// The browser's time zone, known only after mounting (the server's may differ).
function useTimeZone(): string | null {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => setZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  return zone;
}

/// The due-date field: a datetime-local input, its zone, and whether it holds a valid time.
function DueField({ value, onChange, invalid }: { value: string; onChange: (v: string) => void; invalid: boolean }) {
  const t = useT();
  const id = useId();
  const zone = useTimeZone();
  return (
    <div className="flex flex-col text-sm">
      <label htmlFor={id}>{t('courses.form.dueAt')}</label>
      <input id={id} type="datetime-local" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid} aria-describedby={`${id}-zone`} className={input} />
      <span id={`${id}-zone`} className="text-xs text-stone-500">
        {zone ? t('courses.form.timeZone', { zone }) : '\u00a0'}
      </span>
    </div>
  );
}

/// The due date as the API wants it: null for none, undefined when the text is not a valid time.
function dueValue(local: string): string | null | undefined {
  if (local.trim() === '') return null;
  return localDateTimeToIso(local) ?? undefined;
}

function ReferenceSelect({ candidates, value, onChange }: { candidates: ReferenceCandidate[]; value: string; onChange: (v: string) => void }) {
  const t = useT();
  const id = useId();
  return (
    <div className="flex flex-col text-sm">
      <label htmlFor={id}>{t('courses.form.reference')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-hint`} className={input}>
        <option value="">{t('courses.form.noReference')}</option>
        {candidates.map((c) => (
          <option key={c.mapId} value={c.mapId}>
            {c.label}
          </option>
        ))}
      </select>
      <span id={`${id}-hint`} className="max-w-xl text-xs text-stone-500">
        {candidates.length === 0 && `${t('courses.form.noOwnMaps')} `}
        {t('courses.form.referenceHint')}
      </span>
    </div>
  );
}

function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="w-full text-sm text-red-700">
      {error}
    </p>
  ) : null;
}

export function NewAssignmentForm({
  courseId,
  documents,
  schemes,
  candidates,
  existing,
  textSchemes,
}: {
  courseId: string;
  documents: Array<{ id: string; title: string }>;
  schemes: SchemeChoice[];
  candidates: ReferenceCandidate[];
  /// The course's assignments so far: a second one on the same text shares the students' maps.
  existing: Array<{ documentId: string; title: string }>;
  /// Per text that already has assignments (in any course), the scheme they use: a student has
  /// one map per text, so a new assignment on it must use that scheme too.
  textSchemes: Record<string, SchemeChoice>;
}) {
  const t = useT();
  const documentHint = useId();
  const router = useRouter();
  const { send, busy, error, setError } = useJsonRequest();
  const [title, setTitle] = useState('');
  const [documentId, setDocumentId] = useState(documents[0]?.id ?? '');
  const [due, setDue] = useState('');
  const [chosenScheme, setSchemeId] = useState(schemes[0]?.id ?? 'default');
  const fixedScheme = textSchemes[documentId];
  const schemeId = fixedScheme?.id ?? chosenScheme;
  const [referenceMapId, setReferenceMapId] = useState('');
  const usable = candidates.filter((c) => c.documentId === documentId && c.labelSchemeId === schemeId);
  // a choice made for another document or scheme no longer applies
  const reference = usable.some((c) => c.mapId === referenceMapId) ? referenceMapId : '';
  const dueAt = dueValue(due);
  const sameDocument = existing.filter((a) => a.documentId === documentId).map((a) => `“${a.title}”`);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (dueAt === undefined) return setError(t('courses.form.dueInvalid'));
    const answer = await send(`/api/courses/${encodeURIComponent(courseId)}/assignments`, 'POST', {
      title,
      documentId,
      labelSchemeId: schemeId,
      ...(dueAt ? { dueAt } : {}),
      ...(reference ? { referenceMapId: reference } : {}),
    });
    if (answer) {
      setTitle('');
      setDue('');
      setReferenceMapId('');
      router.refresh();
    }
  };

  return (
    <form onSubmit={submit} className="flex flex-wrap items-start gap-3" aria-label={t('courses.newAssignment')}>
      <label className="flex flex-col text-sm">
        {t('courses.assignmentTitle')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} className={input} />
      </label>
      <label className="flex flex-col text-sm">
        {t('courses.document')}
        <select value={documentId} onChange={(e) => setDocumentId(e.target.value)} required aria-describedby={sameDocument.length > 0 ? documentHint : undefined} className={input}>
          {documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      {sameDocument.length > 0 && (
        <p id={documentHint} role="note" className="w-full max-w-2xl rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="same-document-note">
          {t('walk.sameDocument', { titles: sameDocument.join(', ') })}
        </p>
      )}
      <DueField value={due} onChange={setDue} invalid={dueAt === undefined} />
      <label className="flex flex-col text-sm">
        {t('courses.form.scheme')}
        <select value={schemeId} onChange={(e) => setSchemeId(e.target.value)} className={input} disabled={fixedScheme !== undefined} aria-describedby={fixedScheme ? `${documentHint}-scheme` : undefined}>
          {(fixedScheme ? [fixedScheme] : schemes).map((s) => (
            <option key={s.id} value={s.id}>
              {t('courses.form.schemeOption', { name: s.name, n: s.labelCount })}
            </option>
          ))}
        </select>
      </label>
      {fixedScheme && (
        <p id={`${documentHint}-scheme`} className="max-w-xs self-end text-xs text-stone-600">
          {t('courses.form.schemeFixed', { name: fixedScheme.name })}
        </p>
      )}
      <ReferenceSelect candidates={usable} value={reference} onChange={setReferenceMapId} />
      <div className="w-full">
        <button type="submit" disabled={busy || !documentId} className="btn">
          {t('courses.createButton')}
        </button>
      </div>
      <ErrorLine error={error} />
    </form>
  );
}

/// Changing an assignment's due date and reference map (PATCH), folded away until opened.
export function AssignmentSettings({
  assignmentId,
  title,
  dueAt,
  referenceMapId,
  candidates,
}: {
  assignmentId: string;
  title: string;
  dueAt: string | null;
  referenceMapId: string | null;
  candidates: ReferenceCandidate[];
}) {
  const t = useT();
  const router = useRouter();
  const { send, busy, error, setError } = useJsonRequest();
  const [due, setDue] = useState('');
  const [reference, setReference] = useState(referenceMapId ?? '');
  const [saved, setSaved] = useState(false);
  // datetime-local shows the browser's zone: fill it in only once mounted
  useEffect(() => setDue(isoToLocalDateTime(dueAt)), [dueAt]);
  const next = dueValue(due);
  // the current reference stays listed even if it is not among this instructor's maps
  const options = referenceMapId && !candidates.some((c) => c.mapId === referenceMapId) ? [{ mapId: referenceMapId, documentId: '', labelSchemeId: '', label: t('courses.form.currentReference') }, ...candidates] : candidates;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (next === undefined) return setError(t('courses.form.dueInvalid'));
    const answer = await send(`/api/assignments/${encodeURIComponent(assignmentId)}`, 'PATCH', { dueAt: next, referenceMapId: reference || null });
    if (answer) {
      setSaved(true);
      router.refresh();
    }
  };

  return (
    <details className="w-full text-sm">
      <summary className="cursor-pointer text-sky-800">{t('courses.form.edit')}</summary>
      <form onSubmit={submit} className="mt-2 flex flex-wrap items-start gap-3" aria-label={t('courses.form.editOf', { title })}>
        <DueField value={due} onChange={setDue} invalid={next === undefined} />
        <ReferenceSelect candidates={options} value={reference} onChange={setReference} />
        <div className="w-full">
          <button type="submit" disabled={busy} className="btn">
            {t('courses.form.save')}
          </button>
          <span role="status" className="ml-2 text-green-800">
            {saved ? t('courses.form.saved') : ''}
          </span>
        </div>
        <ErrorLine error={error} />
      </form>
    </details>
  );
}

/// A new label scheme: a name and one label per line ("id, 日本語名, English name").
export function LabelSchemeForm() {
  const t = useT();
  const router = useRouter();
  const { send, busy, error, setError } = useJsonRequest();
  const [name, setName] = useState('');
  const [lines, setLines] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const id = useId();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const parsed = parseLabelLines(lines);
    if (!parsed.ok) return setError(t('schemes.lineError', { line: parsed.line, message: t(`schemes.problem.${parsed.problem}`, { max: LABEL_NAME_MAX }) }));
    if (parsed.labels.length === 0) return setError(t('schemes.noLabels'));
    if (parsed.labels.length > MAX_LABELS) return setError(t('schemes.tooMany', { max: MAX_LABELS }));
    const answer = await send('/api/label-schemes', 'POST', { name, labels: parsed.labels });
    if (answer) {
      setCreated(name.trim());
      setName('');
      setLines('');
      router.refresh();
    }
  };

  return (
    <form onSubmit={submit} className="flex max-w-xl flex-col gap-2" aria-label={t('schemes.heading')}>
      <label className="flex flex-col text-sm">
        {t('schemes.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} className={input} />
      </label>
      <label htmlFor={id} className="text-sm">
        {t('schemes.labels', { max: MAX_LABELS })}
      </label>
      <textarea
        id={id}
        value={lines}
        onChange={(e) => setLines(e.target.value)}
        required
        rows={5}
        placeholder={'thesis, 主題, thesis\nreason, 理由, reason'}
        aria-describedby={`${id}-hint`}
        className={`${input} font-mono`}
      />
      <span id={`${id}-hint`} className="text-xs text-stone-500">
        {t('schemes.hint')}
      </span>
      <div>
        <button type="submit" disabled={busy} className="btn">
          {t('schemes.create')}
        </button>
        <span role="status" className="ml-2 text-sm text-green-800">
          {created ? t('schemes.created', { name: created }) : ''}
        </span>
      </div>
      <ErrorLine error={error} />
    </form>
  );
}
