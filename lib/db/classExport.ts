// What a class export serializes: an assignment's students, each with their map of the
// assignment's document as an AnnotatedMap (or none yet), and the reference map — loaded in a
// fixed number of queries whatever the class size (loadAssignmentMaps, which also says each
// map's label scheme; then the document, those schemes and all the maps' comments at once),
// never a query per student.
//
// Each map is exported with its own label scheme: normally the assignment's, but a map written
// before the assignment was set keeps the scheme it was written in (see getOrCreateMap), and its
// labels must travel with it for the file to read back.

import type { AnnotatedMap } from '@/lib/formats/types';
import { loadAssignmentMaps, type ReviewMap } from './assignmentMaps';
import type { Db } from './connect';
import type { Assignment } from './courses';
import { getDocumentText, type StoredDocumentText } from './documents';
import { NotFoundError } from './errors';
import { loadMapComments, toAnnotatedMap } from './annotatedMap';
import { getLabelScheme, type LabelScheme } from './label-schemes';

export interface ClassExportMap {
  userId: string;
  name: string;
  displayName: string;
  mapId: string | null;
  submittedAt: string | null;
  /// null when the student has not started.
  map: AnnotatedMap | null;
}

export interface ClassExport {
  assignment: Assignment;
  document: StoredDocumentText;
  students: ClassExportMap[];
  reference: (ClassExportMap & { mapId: string; map: AnnotatedMap }) | null;
}

/// NotFoundError for an unknown assignment.
export async function loadClassExport(db: Db, assignmentId: string): Promise<ClassExport> {
  const { assignment, students, reference } = await loadAssignmentMaps(db, assignmentId);
  const document = await getDocumentText(db, assignment.documentId);
  if (!document) throw new NotFoundError('document', assignment.documentId);
  const maps = [...students.flatMap((s) => (s.map ? [s.map] : [])), ...(reference ? [reference] : [])];

  const schemes = new Map<string, LabelScheme>();
  for (const id of new Set(maps.map((m) => m.labelSchemeId))) {
    const scheme = await getLabelScheme(db, id);
    if (!scheme) throw new NotFoundError('label scheme', id);
    schemes.set(id, scheme);
  }
  const comments = await loadMapComments(db, maps.map((m) => m.id));

  const annotated = (person: { userId: string; name: string; displayName: string }, map: ReviewMap): AnnotatedMap =>
    toAnnotatedMap(document, { id: person.userId, name: person.name, displayName: person.displayName }, schemes.get(map.labelSchemeId)!, map, comments.get(map.id) ?? []);

  return {
    assignment,
    document,
    students: students.map((s) => ({
      userId: s.userId,
      name: s.name,
      displayName: s.displayName,
      mapId: s.map?.id ?? null,
      submittedAt: s.map?.submittedAt ?? null,
      map: s.map ? annotated(s, s.map) : null,
    })),
    reference: reference
      ? { userId: reference.userId, name: reference.name, displayName: reference.displayName, mapId: reference.id, submittedAt: reference.submittedAt, map: annotated(reference, reference) }
      : null,
  };
}
