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
export interface FormatError {
  at: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FormatError[] };

export interface FormatAdapter<Out> {
  serialize(input: AnnotatedMap, options?: { exportedAt?: string }): Out;
  parse(input: unknown): ParseResult<AnnotatedMap>;
}
