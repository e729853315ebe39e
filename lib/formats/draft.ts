// What every reader shares: the structural checks of a draft map (ids, labels, relation ends,
// main claim) and its strict placement on a text, which is what `parse` means for formats whose
// spans come with the file: each unit exactly where the file says and with the quote it says,
// or an error naming the unit. (Lenient placement, which moves units, is `anchor.ts`.)
//
// Errors carry the `at` the reader gave each item (a unit id, a JSON path, an .ann line), so
// that a message always points back into the file.
import { compareIds, compareUnits, isImplicit, relationKey, type ArgumentUnit, type Relation } from '@/lib/argument/types';
import { mapProblems, type OperationCode } from '@/lib/argument/operations';
import { sha256Hex } from '@/lib/text/hash';
import { makeOffsetConverter } from '@/lib/text/offsets';
import { findUnsafeText } from '@/lib/text/safeText';
import { contextAround, findExact, prepareSearchText, relationOfDraft } from './anchor';
import { catalog, format } from '@/lib/i18n/messages';
import { formatErrorKey, type FormatErrorCode, type FormatErrorParams } from './formatErrors';
import type { AnnotatedDocument, AnnotatedMap, FormatError, LabelDefinition, MapDraft, ParseResult, UnitDraft } from './types';

/// A problem at `at` as a reason code (./formatErrors) with its English message from the
/// catalog: the CLI and the API say the English, the import dialog words the code.
export function formatError(at: string, code: FormatErrorCode, params: FormatErrorParams = {}): FormatError {
  return { at, message: format(catalog.en, formatErrorKey(code), params), code, params };
}

/// Problems that make a draft unusable whatever text it lands on: duplicate ids, labels outside
/// the scheme, relations to missing units, self-relations, duplicate relations, a main claim
/// that is not a unit, text that cannot be stored (U+0000, lone surrogates: lib/text/safeText).
export function checkDraft(draft: MapDraft, labels?: readonly LabelDefinition[]): FormatError[] {
  const errors: FormatError[] = [];
  const storable = (at: string, fields: Record<string, unknown>) => {
    const found = findUnsafeText(fields);
    if (found) errors.push(formatError(at, 'unsafeText', { field: found.path.join('.'), problem: found.problem }));
  };
  const labelIds = labels ? new Set(labels.map((l) => l.id)) : null;
  const unitIds = new Set<string>();
  for (const u of draft.units) {
    if (unitIds.has(u.id)) errors.push(formatError(u.at, 'duplicateUnit', { id: u.id }));
    unitIds.add(u.id);
    storable(u.at, { id: u.id, label: u.label, note: u.note, quote: u.quote, ...(u.text !== undefined ? { text: u.text } : {}) });
    if (labelIds && !labelIds.has(u.label)) errors.push(formatError(u.at, 'unknownLabel', { label: u.label, expected: [...labelIds].join(', ') }));
  }
  const relationIds = new Set(draft.relations.map((r) => r.id));
  const seenRelations = new Set<string>();
  const keys = new Set<string>();
  const reported = new Set<string>();
  for (const r of draft.relations) {
    if (seenRelations.has(r.id)) errors.push(formatError(r.at, 'duplicateRelation', { id: r.id }));
    seenRelations.add(r.id);
    storable(r.at, { id: r.id, from: r.from, to: r.to, note: r.note, ...(r.scheme !== undefined ? { scheme: r.scheme } : {}), ...(r.criticalQuestions ? { criticalQuestions: r.criticalQuestions } : {}) });
    const missing = [...new Set(r.from)].filter((p) => !unitIds.has(p));
    if (!unitIds.has(r.to) && !relationIds.has(r.to)) missing.push(r.to);
    for (const id of missing) errors.push(formatError(r.at, 'missingUnit', { id }));
    if (r.from.includes(r.to)) errors.push(formatError(r.at, 'selfRelation'));
    const key = relationKey(r);
    const repeated = keys.has(key);
    if (repeated) errors.push(formatError(r.at, 'duplicateRelationEnds', { type: r.type, from: r.from.join(' + '), to: r.to }));
    keys.add(key);
    if (missing.length || r.from.includes(r.to) || repeated) reported.add(r.id);
  }
  if (draft.mainClaimId !== null && !unitIds.has(draft.mainClaimId)) errors.push(formatError('mainClaim', 'missingUnit', { id: draft.mainClaimId }));
  // The deeper model's rules (premise lists, undercutters, implicit units, schemes: lib/argument)
  // on the draft's skeleton; what the checks above said already is not said twice.
  const at = new Map<string, string>([...draft.units.map((u) => [`unit ${u.id}`, u.at] as const), ...draft.relations.map((r) => [`relation ${r.id}`, r.at] as const)]);
  const skeleton = {
    units: draft.units.map((u): ArgumentUnit => (u.text !== undefined ? { id: u.id, label: u.label, implicit: true, text: u.text, note: u.note } : { id: u.id, label: u.label, start: 0, end: 1, note: u.note })),
    relations: draft.relations.filter((r) => !reported.has(r.id)).map(relationOfDraft),
    mainClaimId: null,
  };
  const relationById = new Map(draft.relations.map((r) => [r.id, r]));
  for (const problem of mapProblems(skeleton)) {
    const { code } = problem.error;
    if (code === 'duplicateId' && problem.kind === 'unit') continue;
    if (code === 'missingUnit' || code === 'missingTarget') continue;
    errors.push(modelProblemError(problem, at.get(`${problem.kind} ${problem.id}`) ?? `${problem.kind} ${problem.id}`, relationById.get(problem.id), relationIds));
  }
  return errors;
}

/// A problem mapProblems found, as the format error an import reports at `where`: coded (and so
/// worded in Japanese and English) when it is one of the deeper model's rules, else its message.
/// `relation` is the relation at fault, when the problem is one; `relationIds` the file's.
export function modelProblemError(problem: ReturnType<typeof mapProblems>[number], where: string, relation: Pick<Relation, 'from' | 'scheme'> | undefined, relationIds: ReadonlySet<string>): FormatError {
  const { code } = problem.error;
  const worded = modelCode(code);
  if (!worded) return { at: where, message: problem.error.message };
  const params: FormatErrorParams = { id: problem.id };
  if (code === 'unknownScheme' && relation?.scheme !== undefined) params.scheme = relation.scheme;
  if (code === 'premiseNotUnit') params.premise = relation?.from.find((p) => relationIds.has(p)) ?? '';
  return formatError(where, worded, params);
}

/// The format error code of a rule of the deeper model a whole map breaks (mapProblems' codes;
/// the rest — duplicate ids and missing ends — checkDraft says itself).
function modelCode(code: OperationCode): FormatErrorCode | null {
  switch (code) {
    case 'duplicateId':
      return 'idShared';
    case 'premiseIsTarget':
    case 'selfRelation':
      return 'selfRelation';
    case 'duplicateRelation':
      return 'duplicateRelation';
    case 'noPremises':
    case 'repeatedPremise':
    case 'premiseNotUnit':
    case 'selfTarget':
    case 'backingNotAllowed':
    case 'undercutterCycle':
    case 'emptyImplicitText':
    case 'unknownScheme':
    case 'schemeOnAttack':
    case 'unknownCriticalQuestion':
    case 'emptyAnswer':
      return code;
    default:
      return null;
  }
}

/// Places every unit exactly: at its offsets, which must slice `text` to its quote; a unit
/// without offsets at the verbatim occurrence of its quote that best fits its context.
export function placeExactly(units: readonly UnitDraft[], text: string): { ok: true; units: ArgumentUnit[] } | { ok: false; errors: FormatError[] } {
  const target = prepareSearchText(text);
  const cpLength = target.offsets.codePointLength;
  const errors: FormatError[] = [];
  const placed: ArgumentUnit[] = [];
  for (const u of units) {
    if (u.text !== undefined) {
      placed.push({ id: u.id, label: u.label, implicit: true, text: u.text, note: u.note });
      continue;
    }
    if (u.start === null || u.end === null) {
      const hit = findExact(target, u.quote, { prefix: u.prefix, suffix: u.suffix });
      if (!hit) errors.push(formatError(u.at, 'quoteNotInText', { quote: JSON.stringify(u.quote) }));
      else placed.push({ id: u.id, label: u.label, start: hit.start, end: hit.end, note: u.note });
      continue;
    }
    if (!Number.isInteger(u.start) || !Number.isInteger(u.end) || u.start < 0 || u.end > cpLength || u.start >= u.end) {
      errors.push(formatError(u.at, 'offsetsOutOfText', { start: u.start, end: u.end, length: cpLength }));
      continue;
    }
    const start = target.offsets.toUtf16(u.start);
    const end = target.offsets.toUtf16(u.end);
    if (text.slice(start, end) !== u.quote) {
      errors.push(formatError(u.at, 'quoteMismatch', { quote: JSON.stringify(u.quote), start: u.start, end: u.end, actual: JSON.stringify(text.slice(start, end)) }));
      continue;
    }
    placed.push({ id: u.id, label: u.label, start, end, note: u.note });
  }
  return errors.length ? { ok: false, errors } : { ok: true, units: placed };
}

/// A draft as a map on `document`, strictly (checkDraft + placeExactly).
export function draftToAnnotated(
  draft: MapDraft,
  document: AnnotatedDocument,
  labels: LabelDefinition[],
  annotator: { id: string; name: string } = draft.annotator ?? { id: 'unknown', name: '' },
): ParseResult<AnnotatedMap> {
  const errors = checkDraft(draft, labels);
  const placed = placeExactly(draft.units, document.text);
  if (!placed.ok) errors.push(...placed.errors);
  if (errors.length || !placed.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      document: { ...document },
      annotator: { ...annotator },
      labels: labels.map((l) => ({ id: l.id, name: { ...l.name } })),
      map: {
        units: placed.units.sort(compareUnits),
        relations: draft.relations.map(relationOfDraft).sort(compareIds),
        mainClaimId: draft.mainClaimId,
      },
      comments: draft.comments.map((c) => ({ ...c })),
    },
  };
}

/// An annotated map (a file that carries its own text) as a draft: offsets in code points,
/// quotes and context from its text. What readers of text-bearing formats hand to importAnnotated.
export function draftFromAnnotated(input: AnnotatedMap, skipped: FormatError[] = []): MapDraft {
  const { text } = input.document;
  const offsets = makeOffsetConverter(text);
  return {
    source: { documentId: input.document.id, title: input.document.title, language: input.document.language, textSha256: input.document.textSha256, text },
    annotator: { ...input.annotator },
    labels: input.labels,
    units: input.map.units.map((u) =>
      isImplicit(u)
        ? { id: u.id, label: u.label, note: u.note, quote: '', start: null, end: null, text: u.text, at: `unit ${u.id}` }
        : {
            id: u.id,
            label: u.label,
            note: u.note,
            quote: text.slice(u.start, u.end),
            start: offsets.toCodePoint(u.start),
            end: offsets.toCodePoint(u.end),
            ...contextAround(text, offsets, u.start, u.end),
            at: `unit ${u.id}`,
          },
    ),
    relations: input.map.relations.map((r) => ({ ...r, from: [...r.from], at: `relation ${r.id}` })),
    mainClaimId: input.map.mainClaimId,
    comments: input.comments.map((c) => ({ ...c })),
    skipped,
  };
}

/// A document made from a bare text (brat's .txt, AIF's text) when the caller names none.
export function documentFromText(text: string, meta: { id?: string; title?: string; language?: string } = {}): AnnotatedDocument {
  return { id: meta.id ?? 'document', title: meta.title ?? '', language: meta.language ?? 'ja', text, textSha256: sha256Hex(text) };
}

/// The text without a leading UTF-8 byte order mark (editors on Windows write one).
export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/// JSON text or an already parsed value; truncated or invalid JSON is an error at '(file)'.
export function parseJsonInput(input: unknown): ParseResult<unknown> {
  if (typeof input !== 'string') return { ok: true, value: input };
  try {
    return { ok: true, value: JSON.parse(stripBom(input)) };
  } catch (e) {
    return { ok: false, errors: [formatError('(file)', 'notJson', { detail: (e as Error).message })] };
  }
}
