// A class's maps of one assignment as one ZIP: every student's map in one export format, the
// reference map if the assignment has one, and manifest.json saying what is where. Pure: it
// takes AnnotatedMaps (lib/db/classExport.ts loads them) and returns the archive's entries or
// bytes; the route only sends them.
//
// Layout (names are made safe for every file system: safeFileName):
//   manifest.json
//   students/<user>.argmap.json             a format of one file per map
//   students/<user>/<user>.txt, ….ann       a format of several files: a folder per student
//   reference/<instructor>.argmap.json      (or reference/<instructor>.txt, ….ann)
//   annotation.conf                          files the format's tools read beside the maps (brat
//                                            looks for its configuration up the folders)
// Students without a map are listed in the manifest with no files. Entries come in manifest
// order (students by user name, as loaded), so the same input gives the same bytes.
import { lateBy } from '@/lib/grading/deadline';
import { formats, type FormatId } from './index';
import type { AnnotatedMap } from './types';
import { zip, type ZipEntry } from './zip';

export const CLASS_EXPORT_FORMAT = 'ronten-class-export';

export interface ClassArchivePerson {
  userId: string;
  name: string;
  displayName: string;
}

export interface ClassArchiveInput {
  format: FormatId;
  exportedAt: string;
  assignment: { id: string; title: string; courseId: string; dueAt: string | null };
  document: { id: string; title: string; textSha256: string };
  /// `due`: the student's due time (their extension, else the assignment's); absent = the assignment's.
  students: Array<ClassArchivePerson & { mapId: string | null; submittedAt: string | null; due?: string | null; map: AnnotatedMap | null }>;
  reference: (ClassArchivePerson & { mapId: string; map: AnnotatedMap }) | null;
}

export interface ClassManifest {
  format: typeof CLASS_EXPORT_FORMAT;
  version: 1;
  exportFormat: FormatId;
  offsetUnit: 'codepoint';
  exportedAt: string;
  assignment: ClassArchiveInput['assignment'];
  document: ClassArchiveInput['document'];
  /// `lateByMs`: how long after the student's due time the map was submitted; null when on time.
  students: Array<ClassArchivePerson & { mapId: string | null; submitted: boolean; submittedAt: string | null; lateByMs: number | null; files: string[] }>;
  reference: (ClassArchivePerson & { mapId: string; files: string[] }) | null;
  /// Files for the format's tools at the top (brat's annotation.conf); the class shares one
  /// label scheme.
  companions: string[];
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/// A name usable as a file or folder name on Windows, macOS and Linux: letters (any script),
/// digits, `.`, `_`, `-`; anything else becomes `-`; no leading or trailing dots or dashes, at
/// most 60 characters, never a reserved device name; `fallback` when nothing is left.
export function safeFileName(name: string, fallback = 'user'): string {
  let safe = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '');
  safe = [...safe].slice(0, 60).join('').replace(/[.-]+$/, '');
  if (!safe) return fallback;
  return WINDOWS_RESERVED.test(safe) ? `${safe}_` : safe;
}

/// safeFileName, made unique among `taken` (compared case-insensitively, as macOS and Windows
/// do) by a -2, -3, … suffix; records the result in `taken`.
function uniqueName(name: string, taken: Set<string>): string {
  const base = safeFileName(name);
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/// The entries of the archive, manifest.json first.
export function classArchiveEntries(input: ClassArchiveInput): ZipEntry[] {
  const format = formats[input.format];
  const files = (map: AnnotatedMap) => format.files(map, { exportedAt: input.exportedAt });
  const entries: ZipEntry[] = [];
  const place = (folder: string, base: string, map: AnnotatedMap, ownFolder: boolean): string[] => {
    const out = files(map);
    const dir = ownFolder && out.length > 1 ? `${folder}/${base}` : folder;
    return out.map((f) => {
      const name = `${dir}/${base}${f.suffix}`;
      entries.push({ name, data: f.content });
      return name;
    });
  };

  const taken = new Set<string>();
  const students = input.students.map((s) => {
    const base = uniqueName(s.name, taken);
    return {
      userId: s.userId,
      name: s.name,
      displayName: s.displayName,
      mapId: s.mapId,
      submitted: s.submittedAt !== null,
      submittedAt: s.submittedAt,
      lateByMs: lateBy(s.submittedAt, s.due === undefined ? input.assignment.dueAt : s.due),
      files: s.map ? place('students', base, s.map, true) : [],
    };
  });
  const reference = input.reference
    ? {
        userId: input.reference.userId,
        name: input.reference.name,
        displayName: input.reference.displayName,
        mapId: input.reference.mapId,
        files: place('reference', safeFileName(input.reference.name), input.reference.map, false),
      }
    : null;

  const sample = input.reference?.map ?? input.students.find((s) => s.map)?.map;
  const companions = (sample && format.companions?.(sample)) || [];
  for (const c of companions) entries.push({ name: c.name, data: c.content });

  const manifest: ClassManifest = {
    format: CLASS_EXPORT_FORMAT,
    version: 1,
    exportFormat: input.format,
    offsetUnit: 'codepoint',
    exportedAt: input.exportedAt,
    assignment: input.assignment,
    document: input.document,
    students,
    reference,
    companions: companions.map((c) => c.name),
  };
  return [{ name: 'manifest.json', data: `${JSON.stringify(manifest, null, 2)}\n` }, ...entries];
}

/// The archive's bytes.
export function classArchive(input: ClassArchiveInput): Uint8Array {
  return zip(classArchiveEntries(input));
}
