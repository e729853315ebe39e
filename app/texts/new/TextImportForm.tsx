'use client';
// The import form: a title, the text pasted or read from a .txt file (UTF-8, read here in the
// browser), how line breaks are treated, then POST /api/documents and a link to the new
// document. The limits are the shared schema's, checked here too so a long paste says so at once.
import { useId, useState } from 'react';
import Link from 'next/link';
import { useT } from '@/components/I18nProvider';
import { useJsonRequest } from '@/components/useJsonRequest';
import { reflowChoices, TEXT_IMPORT_MAX_CHARS, TITLE_MAX_CHARS } from '@/lib/corpus/textImportSchema';

type Reflow = (typeof reflowChoices)[number];
const input = 'rounded border border-stone-300 px-2 py-1';

export function TextImportForm() {
  const t = useT();
  const ids = { text: useId(), file: useId(), count: useId(), reflowHint: useId() };
  const { send, busy, error, setError } = useJsonRequest();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [reflow, setReflow] = useState<Reflow>('auto');
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; title: string } | null>(null);
  const number = new Intl.NumberFormat();
  const tooLong = text.length > TEXT_IMPORT_MAX_CHARS;

  const readFile = async (file: File | undefined) => {
    setFileNote(null);
    setError(null);
    if (!file) return;
    if (!/\.txt$/i.test(file.name)) return setError(t('texts.notTxt'));
    try {
      const content = await file.text(); // UTF-8; invalid bytes become U+FFFD
      if (content.includes('\uFFFD')) return setError(t('texts.notUtf8', { name: file.name }));
      setText(content);
      if (!title.trim()) setTitle(file.name.replace(/\.txt$/i, '').slice(0, TITLE_MAX_CHARS));
      setFileNote(t('texts.fileLoaded', { name: file.name, n: number.format(content.length) }));
    } catch (e) {
      setError(t('texts.fileError', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (text.trim() === '') return setError(t('texts.empty'));
    if (tooLong) return setError(t('texts.tooLong', { max: number.format(TEXT_IMPORT_MAX_CHARS) }));
    const answer = await send('/api/documents', 'POST', { title, text, reflow });
    if (answer && typeof answer.id === 'string') {
      setDone({ id: answer.id, title: title.trim() });
      setTitle('');
      setText('');
      setFileNote(null);
    }
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-label={t('texts.heading')}>
      <label className="flex flex-col text-sm">
        {t('texts.title')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={TITLE_MAX_CHARS} className={input} />
      </label>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={ids.text}>{t('texts.paste')}</label>
        <textarea
          id={ids.text}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={14}
          lang="ja"
          aria-describedby={ids.count}
          aria-invalid={tooLong}
          className={`${input} font-serif leading-relaxed`}
        />
        <span id={ids.count} className={tooLong ? 'text-red-700' : 'text-stone-500'}>
          {t('texts.count', { n: number.format(text.length), max: number.format(TEXT_IMPORT_MAX_CHARS) })}
        </span>
      </div>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={ids.file}>{t('texts.file')}</label>
        <input id={ids.file} type="file" accept=".txt,text/plain" onChange={(e) => void readFile(e.target.files?.[0])} />
        {fileNote && <span role="status" className="text-stone-600">{fileNote}</span>}
      </div>
      <fieldset className="text-sm" aria-describedby={ids.reflowHint}>
        <legend>{t('texts.reflow')}</legend>
        <div className="flex flex-wrap gap-4">
          {reflowChoices.map((choice) => (
            <label key={choice} className="flex items-center gap-1">
              <input type="radio" name="reflow" value={choice} checked={reflow === choice} onChange={() => setReflow(choice)} />
              {t(`texts.reflow.${choice}`)}
            </label>
          ))}
        </div>
        <p id={ids.reflowHint} className="mt-1 text-xs text-stone-500">
          {t('texts.reflowHint')}
        </p>
      </fieldset>
      <div>
        <button type="submit" disabled={busy} className="btn">
          {busy ? t('texts.busy') : t('texts.submit')}
        </button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div role="status">
        {done && (
          <p className="text-sm">
            {t('texts.done', { title: done.title })}{' '}
            <Link href={`/documents/${encodeURIComponent(done.id)}`} className="font-medium text-sky-800 underline-offset-4 hover:underline" data-testid="imported-link">
              {t('texts.open')}
            </Link>
          </p>
        )}
      </div>
    </form>
  );
}
