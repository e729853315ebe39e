// What the review pages and the agreement API load for an assignment: the class's maps
// (lib/db/assignmentMaps.ts), the document's stored tokens (no tokenizer runs on a request) and
// the assignment's label scheme, with the class agreement computed from them
// (lib/agreement/classAgreement.ts). Server-only; authorization is the caller's.
import { classAgreement, wordTokens, type ClassAgreement } from '@/lib/agreement/classAgreement';
import { getDocument, getLabelScheme, loadAssignmentMaps, type Assignment, type AssignmentMaps, type Db, type Label, type StoredDocument } from '@/lib/db';

export interface AssignmentReview {
  maps: AssignmentMaps;
  document: StoredDocument;
  labels: Label[];
  agreement: ClassAgreement;
}

export async function loadAssignmentReview(db: Db, assignment: Assignment): Promise<AssignmentReview> {
  const [maps, document, scheme] = await Promise.all([loadAssignmentMaps(db, assignment.id), getDocument(db, assignment.documentId), getLabelScheme(db, assignment.labelSchemeId)]);
  if (!document) throw new Error(`assignment ${assignment.id}: its document ${assignment.documentId} is missing`);
  const labels = scheme?.labels ?? [];
  const agreement = classAgreement({
    reference: maps.reference,
    students: maps.students,
    tokens: wordTokens(document.canonical.text, document.tokens),
    labels: labels.map((l) => l.id),
  });
  return { maps, document, labels, agreement };
}
