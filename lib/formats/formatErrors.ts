// The problems readers find in a file, as reason codes with parameters, so that the import
// dialog says them in the UI's language (catalog `formatError.<code>`, wordedFormatError) while
// the CLI and the API's `message` say them in English — the catalog's English, so both say the
// same thing. Every problem a reader reports has a code (lib/formats/formatCodes.test.ts feeds
// broken files of every format and checks); a message without one is shown as it is. Where a
// problem is (`at`: "line 7", "unit u3", "(file)") is worded too.
//
// Client-safe (the dialog imports it): no catalog here; readers make their errors with
// formatError (./draft), which takes the English from the catalog on the server.
import type { MessageKey, Translate } from '@/lib/i18n/messages';
import { requestReasonCodes } from '@/lib/net/requestReasons';

export const formatErrorCodes = [
  'notJson',
  'unsupportedVersion',
  'textShaMismatch',
  'duplicateUnit',
  'duplicateRelation',
  'duplicateRelationEnds',
  'unknownLabel',
  'missingUnit',
  'selfRelation',
  'unsafeText',
  'quoteNotInText',
  'offsetsOutOfText',
  'quoteMismatch',
  'bratLine',
  'bratRelationType',
  'notImportable',
  'needsDocument',
  'noText',
  'w3cShape',
  'w3cPage',
  'recogitoShape',
  'hypothesisShape',
  'notAnnotation',
  'severalTargets',
  'noSelector',
  'spanOrder',
  'emptyQuote',
  'positionNeedsText',
  'unknownTags',
  'relationTagMissing',
  'relationTagUnknown',
  'relationEnds',
  'mainClaimAnnotation',
  'mainClaimUnit',
  'commentOutside',
  'wholeDocument',
  'relationUnitLeftOut',
  'mainClaimLeftOut',
  'untagged',
  'aifShape',
  'aifArrays',
  'aifNode',
  'aifDuplicateNode',
  'aifEdge',
  'aifMissingNode',
  'aifNodeText',
  'aifRephraseNode',
  'aifPreferenceNode',
  'aifUndercut',
  'aifRelationEnds',
  'aifComment',
  'commentEmpty',
  'commentTooLong',
  'commentDuplicate',
  'tooManyUnits',
  'tooManyRelations',
  'unitTooManyRelations',
  'relationTooManyPremises',
  'bratFiles',
  'bratNoCounterpart',
  'bratBadId',
  'bratId',
  'bratDuplicateId',
  'bratFragments',
  'bratTextMismatch',
  'bratDiscontinuous',
  'bratAttribute',
  'bratNoteType',
  'bratEscape',
  'bratUnknownRef',
  'bratSecondId',
  'bratEmptyId',
  'bratSpanNote',
  'bratSpanOutside',
  'bratSpanLines',
  'bratEmptySpan',
  'bratUnknownT',
  'bratSecondMainClaim',
  'bratComment',
  // The deeper model's rules (lib/argument/types), for files that can say its shapes.
  'idShared',
  'noPremises',
  'repeatedPremise',
  'premiseNotUnit',
  'selfTarget',
  'backingNotAllowed',
  'undercutterCycle',
  'emptyImplicitText',
  'unknownScheme',
  'schemeOnAttack',
  'unknownCriticalQuestion',
  'emptyAnswer',
  'bratEvent',
  'argdownNotText',
  'argdownUnclosed',
  'argdownOrphanRelation',
  'argdownPcs',
  'argdownUndercut',
  'argdownNoText',
  'argdownForeignData',
  'argdownList',
  'argdownContradiction',
  'argdownArgumentRelation',
  'argdownSteps',
  'argdownRule',

  // A file that does not fit its format's schema: the body checks' reasons (lib/net/requestReasons),
  // worded by the same messages (`error.field.*`), the field being the item's JSON path.
  ...requestReasonCodes.filter((code) => code.startsWith('field.')),
] as const;
export type FormatErrorCode = (typeof formatErrorCodes)[number];
export type FormatErrorParams = Record<string, string | number>;

export const formatErrorKey = (code: FormatErrorCode) => (code.startsWith('field.') ? `error.${code}` : `formatError.${code}`) as MessageKey;

const isCode = (code: unknown): code is FormatErrorCode => typeof code === 'string' && (formatErrorCodes as readonly string[]).includes(code);

/// Where a problem is, in the reader's language: "line 7" → 「7行目」, "unit u3" → 「単位 u3」,
/// "relation r2", "comment c1", "(file)"; JSON paths ("first.items[4]") stay as they are.
export function wordedAt(t: Translate, at: string): string {
  return at
    .replace(/^\(file\)$/, () => t('formatError.at.file'))
    .replace(/\bline (\d+)\b/g, (_, n: string) => t('formatError.at.line', { n }))
    .replace(/\bunit (\S+?)(?=\)|$)/g, (_, id: string) => t('formatError.at.unit', { id }))
    .replace(/\brelation (\S+?)(?=\)|$)/g, (_, id: string) => t('formatError.at.relation', { id }))
    .replace(/\bcomment (\S+?)(?=\)|$)/g, (_, id: string) => t('formatError.at.comment', { id }));
}

/// A problem's message in the reader's language (its English message when it has no code).
export function wordedFormatError(t: Translate, error: { message: string; code?: unknown; params?: unknown }): string {
  if (!isCode(error.code)) return error.message;
  const raw = typeof error.params === 'object' && error.params !== null ? (error.params as Record<string, unknown>) : {};
  const params = Object.fromEntries(Object.entries(raw).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'));
  return t(formatErrorKey(error.code), params);
}
