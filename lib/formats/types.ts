// What every format adapter reads and writes: a map over a document, with who made it.
// Offsets here are UTF-16 (the core's unit); adapters convert to their format's unit.
import type { ArgumentMap } from '@/lib/argument/types';

export interface AnnotatedDocument {
  id: string;
  title: string;
  language: string;
  text: string;
  textSha256: string;
}

export interface LabelDefinition {
  id: string;
  name: { ja: string; en: string };
}

export interface MapComment {
  id: string;
  targetKind: 'unit' | 'relation' | 'map';
  targetId: string | null;
  author: string;
  body: string;
  createdAt: string;
}

export interface AnnotatedMap {
  document: AnnotatedDocument;
  annotator: { id: string; name: string };
  labels: LabelDefinition[];
  map: ArgumentMap;
  comments: MapComment[];
}

/// An error that points at the item it is about (a unit id, a JSON path, a line number).
import type { FormatErrorCode, FormatErrorParams } from './formatErrors';

export interface FormatError {
  at: string;
  message: string;
  /// The problem as a reason code and parameters (./formatErrors), which the import dialog
  /// words in the UI's language; `message` is its English. Absent on problems with no code.
  code?: FormatErrorCode;
  params?: FormatErrorParams;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FormatError[] };

export interface FormatAdapter<Out> {
  serialize(input: AnnotatedMap, options?: { exportedAt?: string }): Out;
  /// Strict: every unit exactly where the file says (or, without offsets, at its quote), or errors.
  parse(input: unknown, options?: ReadOptions): ParseResult<AnnotatedMap>;
}

/// The reading side of the interchange formats. A file made by another tool (or on another
/// version of the text) cannot always be turned into a map directly: its spans may point into a
/// text we do not have. Readers therefore produce a draft — each unit with its quote, its
/// position in the text the file was made on (when the file says) and some context — and
/// `anchor.ts` places the draft on the target text. Strict `parse` functions place it exactly or
/// fail; `importAnnotated` (index.ts) re-anchors and reports what moved.
export interface UnitDraft {
  id: string;
  label: string;
  note: string;
  quote: string;
  /// Code-point offsets into the text the file was made on, when the file gives them.
  start: number | null;
  end: number | null;
  /// Up to 32 code points before / after the quote in that text, when known (disambiguates
  /// repeated quotes while re-anchoring).
  prefix?: string;
  suffix?: string;
  /// Where the unit is in the file, for errors: "unit u1", "line 3", "first.items[2]".
  at: string;
  /// Set for an implicit unit (lib/argument/types): its own text. It has no quote or offsets
  /// (quote '', start and end null) and is never placed on a text.
  text?: string;
}

export interface RelationDraft {
  id: string;
  type: 'support' | 'attack';
  /// The premises (one for every format but the native one's version 2, so far).
  from: string[];
  /// A unit or (an undercutter's) a relation.
  to: string;
  scheme?: string;
  criticalQuestions?: Array<{ id: string; answer: string }>;
  note: string;
  at: string;
}

export interface MapDraft {
  /// What the file says about the text it was made on. `text` is present when the file carries
  /// it (native JSON, brat's .txt, AIF's text); `textSha256` when it only names it.
  source: { documentId?: string; title?: string; language?: string; textSha256?: string; text?: string };
  annotator?: { id: string; name: string };
  labels?: LabelDefinition[];
  units: UnitDraft[];
  relations: RelationDraft[];
  mainClaimId: string | null;
  comments: MapComment[];
  /// What the file holds that a map cannot represent and the reader left out (an AIF undercut,
  /// a relation node without a conclusion). Importing them needs the user's acceptance.
  skipped: FormatError[];
  /// Tags read as labels under another name (Hypothesis, W3C, Recogito), with how many units
  /// each labelled: the user confirms them. See tags.ts.
  tagLabels?: Array<{ tag: string; label: string; units: number }>;
  /// Tags that name no label and are not mapped: their units are left out until the user maps them.
  unknownTags?: Array<{ tag: string; units: number }>;
  /// Tags the user chose to skip, with how many units that left out.
  skippedTags?: Array<{ tag: string; units: number }>;
}

export interface ReadOptions {
  /// The document the file is being read against (W3C needs it: the text is not in the file).
  document?: AnnotatedDocument;
  /// The label scheme labels are resolved against (brat writes `Claim` for `claim`).
  labels?: LabelDefinition[];
  /// Tags to label ids, as the user maps them (tags are free text); `SKIP_TAG` leaves a tag's
  /// units out (tags.ts).
  labelMap?: Record<string, string>;
  /// Strict parsing: a unit whose tags name no label is an error, not a unit left out.
  strictLabels?: boolean;
}
