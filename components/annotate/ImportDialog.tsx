'use client';
// Import a map from a file: pick or drop it, see the server's validation report (errors that
// point at items, or what was re-anchored), and only then replace the map. Reading and uploading
// show progress, for large files. Tags of the file that name no label get a label (or "skip")
// chosen here (TagMapping); the file is checked again with the mapping, and imported with it.
import { memo, useRef, useState } from 'react';
import type { ArgumentMap } from '@/lib/argument/types';
import { describeImportReport, type ImportReport } from '@/lib/formats/report';
import { wordedAt, wordedFormatError } from '@/lib/formats/formatErrors';
import { useT } from '../I18nProvider';
import { describeFailure, RequestFailure, wordedError, wordedFailure } from '../useJsonRequest';
import { TagMapping, type SchemeLabel } from './TagMapping';

interface Report {
  ok: boolean;
  format?: string;
  errors?: Array<{ at: string; message: string; code?: string; params?: Record<string, string | number> }>;
  units?: number;
  relations?: number;
  needsAcceptance?: boolean;
  report?: ImportReport;
  written?: boolean;
  version?: number;
  map?: ArgumentMap;
  labels?: SchemeLabel[];
  error?: string;
}

interface Props {
  mapId: string;
  baseVersion: number;
  /// Unsent changes: replacing now would race them, so wait until they are saved.
  busy: boolean;
  onImported: (version: number, map: ArgumentMap, units: number, relations: number) => void;
}

type Payload = { fileName: string; content: string | { txt: string; ann: string } };

/// A file the browser could not read (said as such, not as a failed request).
class FileReadError extends Error {}

function readText(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new FileReadError(String(reader.error)));
    reader.readAsText(file, 'utf-8');
  });
}

function post(url: string, body: unknown, onProgress: (fraction: number) => void): Promise<{ status: number; body: Report }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      try {
        resolve({ status: xhr.status, body: JSON.parse(xhr.responseText) as Report });
      } catch {
        reject(new RequestFailure(xhr.status));
      }
    };
    xhr.onerror = () => reject(new RequestFailure(null));
    xhr.send(JSON.stringify(body));
  });
}

/// Memoized: it sits in the workspace's toolbar, which re-renders on every key.
export const ImportDialog = memo(function ImportDialog({ mapId, baseVersion, busy, onImported }: Props) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [payload, setPayload] = useState<Payload | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  /// Tags of this file that named no label when it was first checked (rows stay once shown).
  const [tags, setTags] = useState<Array<{ tag: string; units: number }>>([]);
  const [labelMap, setLabelMap] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const url = `/api/maps/${encodeURIComponent(mapId)}/import`;

  const open = () => {
    setPayload(null);
    setReport(null);
    setProblem(null);
    setTags([]);
    setLabelMap({});
    setNotice(null);
    dialog.current?.showModal();
  };

  /// A dry run of `next` with `mapping`: the report, and any tag not yet listed added to the rows.
  const dryRun = async (next: Payload, mapping: Record<string, string>) => {
    setProgress(t('io.checking'));
    const res = await post(url, { ...next, baseVersion, dryRun: true, labelMap: mapping }, (f) => setProgress(`${t('io.checking')} ${Math.round(f * 100)}%`));
    setReport(res.body.ok === undefined ? { ok: false, errors: [{ at: next.fileName, message: wordedError(t, res.body) ?? describeFailure(t, res.status) }] } : res.body);
    const unknown = res.body.report?.unknownTags ?? [];
    setTags((shown) => [...shown, ...unknown.filter((u) => !shown.some((s) => s.tag === u.tag))]);
    return res.body;
  };

  const choose = async (tag: string, choice: string | null) => {
    if (!payload) return;
    const next = { ...labelMap };
    if (choice === null) delete next[tag];
    else next[tag] = choice;
    setLabelMap(next);
    setNotice(null);
    try {
      const body = await dryRun(payload, next);
      // Said where the choice was made (under the selects), as well as in the report.
      setNotice(body.ok ? t('io.valid', { units: body.units ?? 0, relations: body.relations ?? 0 }) : t('io.invalid'));
    } catch (e) {
      setProblem(e instanceof FileReadError ? t('io.readFailed') : wordedFailure(t, e));
    } finally {
      setProgress(null);
    }
  };

  const check = async (files: File[]) => {
    setReport(null);
    setProblem(null);
    setTags([]);
    setLabelMap({});
    setNotice(null);
    if (files.length === 0) return;
    const ann = files.find((f) => f.name.toLowerCase().endsWith('.ann'));
    const txt = files.find((f) => f.name.toLowerCase().endsWith('.txt'));
    try {
      let next: Payload;
      const show = (f: number) => setProgress(t('io.reading', { percent: Math.round(f * 100) }));
      if (ann || txt) {
        if (!ann || !txt) return setProblem(t('io.bratPair'));
        next = { fileName: ann.name, content: { txt: await readText(txt, show), ann: await readText(ann, show) } };
      } else {
        next = { fileName: files[0].name, content: await readText(files[0], show) };
      }
      setPayload(next);
      await dryRun(next, {});
    } catch (e) {
      setProblem(e instanceof FileReadError ? t('io.readFailed') : wordedFailure(t, e));
    } finally {
      setProgress(null);
    }
  };

  const replace = async () => {
    if (!payload) return;
    setProgress(t('io.checking'));
    try {
      const res = await post(url, { ...payload, baseVersion, accept: true, labelMap }, () => {});
      if (res.status === 409) return setProblem(t('io.stale'));
      if (res.body.written && res.body.version && res.body.map) {
        onImported(res.body.version, res.body.map, res.body.units ?? 0, res.body.relations ?? 0);
        dialog.current?.close();
      } else setReport(res.body);
    } catch (e) {
      setProblem(e instanceof FileReadError ? t('io.readFailed') : wordedFailure(t, e));
    } finally {
      setProgress(null);
    }
  };

  return (
    <>
      <button type="button" className="btn" onClick={open}>
        {t('io.import')}
      </button>
      <dialog ref={dialog} aria-labelledby="import-title" className="m-auto w-[36rem] max-w-[95vw] rounded-lg p-0 shadow-2xl backdrop:bg-black/30">
        <div className="space-y-3 p-5 text-sm">
          <h2 id="import-title" className="text-lg font-semibold">
            {t('io.importTitle')}
          </h2>
          <p className="text-stone-600">{t('io.importHelp')}</p>
          <label
            className={`flex flex-col items-center gap-2 rounded-md border-2 border-dashed p-5 ${dragging ? 'border-sky-500 bg-sky-50' : 'border-stone-300'}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              void check([...e.dataTransfer.files]);
            }}
          >
            <span>{t('io.dropHere')}</span>
            <span className="btn">{t('io.chooseFiles')}</span>
            <input
              type="file"
              multiple
              accept=".json,.jsonld,.ann,.txt,.argdown"
              className="sr-only"
              aria-label={t('io.chooseFiles')}
              onChange={(e) => void check([...(e.target.files ?? [])])}
            />
          </label>
          <div role="status" aria-live="polite" className="min-h-5">
            {progress}
            {problem && <p className="text-red-700">{problem}</p>}
          </div>
          {report && !report.ok && (
            <div data-testid="import-report">
              <p className="font-medium text-red-700">{t('io.invalid')}</p>
              <ul className="mt-1 max-h-48 list-disc overflow-y-auto pl-5 text-xs">
                {(report.errors ?? []).map((e, i) => (
                  <li key={i}>
                    <span className="font-mono">{wordedAt(t, e.at)}</span>: {wordedFormatError(t, e)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {report?.ok && (
            <div data-testid="import-report">
              <p className="font-medium">{t('io.valid', { units: report.units ?? 0, relations: report.relations ?? 0 })}</p>
              {report.needsAcceptance && <p className="text-amber-800">{t('io.needsAcceptance')}</p>}
              {report.report && (
                <ul className="mt-1 max-h-48 list-disc overflow-y-auto pl-5 text-xs">
                  {describeImportReport(report.report, t).map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <TagMapping tags={tags} labels={report?.labels ?? []} labelMap={labelMap} disabled={progress !== null} notice={notice} onChange={(tag, choice) => void choose(tag, choice)} />
          {report?.ok && (
            <p id="import-replace-note" className="text-sm text-stone-600">
              {t('io.replaceNote')}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <button type="button" className="btn" onClick={() => dialog.current?.close()}>
              {t('io.close')}
            </button>
            <button type="button" className="btn font-semibold" disabled={!report?.ok || busy || progress !== null} aria-describedby={report?.ok ? 'import-replace-note' : undefined} onClick={() => void replace()}>
              {t('io.replace')}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
});
