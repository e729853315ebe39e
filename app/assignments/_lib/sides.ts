// Which maps an assignment's compare page may show: the assignment's reference map, or a map of
// the assignment's document whose owner is a student of the assignment's course and which the
// viewer may read (readableMap). Anything else is null (the page answers 404), so a map id from
// another course or document cannot be probed through this page.
import { courseRole, getMap, getUser, type Assignment, type Db, type User } from '@/lib/db';
import type { ArgumentMap } from '@/lib/argument/types';
import { HttpError } from '@/app/_shared/http';
import { readableMap } from '@/app/_shared/session';

export interface SideMap {
  mapId: string;
  /// The owner's display name (or user name).
  name: string;
  isReference: boolean;
  map: ArgumentMap;
  /// The map's version: what taking a student's work into the reference is based on.
  version: number;
}

/// `key`: a map id, or "reference" (the assignment's reference map). The caller has checked
/// that the viewer teaches the assignment's course.
export async function assignmentSideMap(db: Db, viewer: User, assignment: Assignment, key: string | string[] | undefined): Promise<SideMap | null> {
  if (typeof key !== 'string' || key === '') return null;
  const isReference = key === 'reference' || key === assignment.referenceMapId;
  let stored;
  if (isReference) {
    // Readable to the course's instructors because it is set on their assignment.
    if (!assignment.referenceMapId) return null;
    stored = await getMap(db, assignment.referenceMapId);
  } else {
    try {
      stored = await readableMap(db, viewer, key);
    } catch (e) {
      if (e instanceof HttpError && e.status === 404) return null;
      throw e;
    }
    if ((await courseRole(db, assignment.courseId, stored.userId)) !== 'student') return null;
  }
  if (!stored || stored.documentId !== assignment.documentId) return null;
  const owner = await getUser(db, stored.userId);
  return {
    mapId: stored.id,
    name: owner ? owner.displayName || owner.name : stored.userId,
    isReference,
    map: { units: stored.units, relations: stored.relations, mainClaimId: stored.mainClaimId },
    version: stored.version,
  };
}
