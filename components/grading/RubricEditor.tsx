'use client';
// The instructor's rubric editor on the assignment page: criteria, each with a title, its levels
// as lines "name=points" (lowest first: what a teacher types fastest) and what its automatic
// suggestion comes from. Saving writes a new rubric version; grades already given keep theirs.
// The server checks everything again (lib/grading/rubric.ts rubricRequestSchema).
import { useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { SUGGESTION_BASES, type Criterion, type Rubric, type SuggestionBasis } from '@/lib/grading/rubric';
import { useT } from '../I18nProvider';
import { useJsonRequest } from '../useJsonRequest';

interface Draft {
  key: number;
  title: string;
  suggest: SuggestionBasis | '';
  levels: string;
}

const toDraft = (c: Criterion, key: number): Draft => ({ key, title: c.title, suggest: c.suggest ?? '', levels: c.levels.map((l) => `${l.title}=${l.points}`).join('\n') });

/// "name=points" lines (or "name＝points") → levels; null when a line does not parse.
export function parseLevels(text: string): Array<{ title: string; points: number }> | null {
  const levels = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const m = /^(.*?)[=＝]\s*(\d+)\s*$/.exec(line);
    if (!m || m[1].trim() === '') return null;
    levels.push({ title: m[1].trim(), points: Number(m[2]) });
  }
  return levels.length >= 2 ? levels : null;
}

let nextKey = 1000;

export function RubricEditor({ assignmentId, rubric }: { assignmentId: string; rubric: Rubric | null }) {
  const t = useT();
  const router = useRouter();
  const id = useId();
  const { send, busy, error, setError } = useJsonRequest();
  const [drafts, setDrafts] = useState<Draft[]>(() => rubric?.criteria.map(toDraft) ?? [{ key: 0, title: '', suggest: '', levels: '' }]);
  const [saved, setSaved] = useState<string | null>(null);
  const change = (key: number, patch: Partial<Draft>) => {
    setSaved(null);
    setDrafts((ds) => ds.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  };
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const criteria = [];
    for (const [i, d] of drafts.entries()) {
      const levels = parseLevels(d.levels);
      if (!levels) return setError(t('grading.rubric.badLevels', { n: i + 1 }));
      criteria.push({ title: d.title, suggest: d.suggest === '' ? null : d.suggest, levels });
    }
    const answer = await send(`/api/assignments/${encodeURIComponent(assignmentId)}/rubric`, 'POST', { baseVersion: rubric?.version ?? null, criteria });
    if (answer) {
      setSaved(t('grading.rubric.saved', { version: (answer.rubric as Rubric).version }));
      router.refresh();
    }
  };
  return (
    <form onSubmit={save} aria-labelledby={`${id}-h`} className="max-w-3xl space-y-3" data-testid="rubric-editor">
      <h2 id={`${id}-h`} className="text-lg font-semibold">
        {t('grading.rubric.heading')} <span className="text-sm font-normal text-stone-600">{rubric ? t('grading.rubric.version', { version: rubric.version }) : t('grading.rubric.none')}</span>
      </h2>
      <p className="text-sm text-stone-600">{t('grading.rubric.note')}</p>
      {drafts.map((d, i) => (
        <fieldset key={d.key} className="space-y-2 rounded border border-stone-200 p-2">
          <legend className="px-1 text-sm font-medium">{t('grading.rubric.criterion', { n: i + 1 })}</legend>
          <label className="flex flex-col text-sm">
            {t('grading.rubric.title')}
            <input value={d.title} onChange={(e) => change(d.key, { title: e.target.value })} required maxLength={200} className="rounded border border-stone-300 px-2 py-1" />
          </label>
          <label className="flex flex-col text-sm">
            {t('grading.rubric.levels')}
            <textarea value={d.levels} onChange={(e) => change(d.key, { levels: e.target.value })} rows={3} required placeholder={t('grading.rubric.levelsExample')} className="rounded border border-stone-300 px-2 py-1 font-mono" />
          </label>
          <label className="flex flex-col text-sm">
            {t('grading.rubric.suggest')}
            <select value={d.suggest} onChange={(e) => change(d.key, { suggest: e.target.value as Draft['suggest'] })} className="rounded border border-stone-300 px-2 py-1">
              <option value="">{t('grading.rubric.suggestNone')}</option>
              {SUGGESTION_BASES.map((b) => (
                <option key={b} value={b}>
                  {t(`grading.basisOption.${b}`)}
                </option>
              ))}
            </select>
          </label>
          {drafts.length > 1 && (
            <button type="button" className="btn" onClick={() => setDrafts((ds) => ds.filter((x) => x.key !== d.key))}>
              {t('grading.rubric.remove', { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn" onClick={() => setDrafts((ds) => [...ds, { key: nextKey++, title: '', suggest: '', levels: '' }])}>
          {t('grading.rubric.add')}
        </button>
        <button type="submit" className="btn" disabled={busy}>
          {t('grading.rubric.save')}
        </button>
      </div>
      <p role="status" className="text-sm text-emerald-800">
        {saved}
      </p>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
