// zod schemas for the argument wire shapes, shared by the route handlers and the client.
// Structure only; whether an operation fits the map and document is `checkOperation`'s job.
import { z } from 'zod';
import { withSafeText } from '@/lib/text/safeText';
import type { Operation } from './operations';
import { LIMITS } from './limits';

const id = z.string().min(1).max(LIMITS.idChars);
const offset = z.int().min(0);
const note = z.string().max(LIMITS.noteChars, `a note has at most ${LIMITS.noteChars.toLocaleString('en')} characters`);
const relationType = z.enum(['support', 'attack']);

export const unitSchema = z.strictObject({ id, label: id, start: offset, end: offset, note });
export const relationSchema = z.strictObject({ id, type: relationType, from: id, to: id, note });

const unitFields = z.strictObject({ label: id.optional(), start: offset.optional(), end: offset.optional(), note: note.optional() });
const relationFields = z.strictObject({ type: relationType.optional(), note: note.optional() });

const unitPresence = { unit: unitSchema, relations: z.array(relationSchema).max(LIMITS.relationsPerUnit, `one unit carries at most ${LIMITS.relationsPerUnit} relations`), mainClaim: z.boolean() };

export const operationSchema: z.ZodType<Operation> = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('addUnit'), ...unitPresence }),
  z.strictObject({ op: z.literal('removeUnit'), ...unitPresence }),
  z.strictObject({ op: z.literal('updateUnit'), id, before: unitFields, after: unitFields }),
  z.strictObject({ op: z.literal('addRelation'), relation: relationSchema }),
  z.strictObject({ op: z.literal('removeRelation'), relation: relationSchema }),
  z.strictObject({ op: z.literal('updateRelation'), id, before: relationFields, after: relationFields }),
  z.strictObject({ op: z.literal('setMainClaim'), before: id.nullable(), after: id.nullable() }),
]);

/// POST /api/maps/[mapId]/operations (every string storable: lib/text/safeText).
export const operationsRequestSchema = withSafeText(
  z.strictObject({
    baseVersion: z.int().min(0),
    operations: z.array(operationSchema).min(1).max(LIMITS.operationsPerBatch, `a batch has at most ${LIMITS.operationsPerBatch} operations`),
  }),
);
export type OperationsRequest = z.infer<typeof operationsRequestSchema>;

export const mapSchema = z.strictObject({
  units: z.array(unitSchema).max(LIMITS.unitsPerMap, `a map has at most ${LIMITS.unitsPerMap.toLocaleString('en')} units`),
  relations: z.array(relationSchema).max(LIMITS.relationsPerMap, `a map has at most ${LIMITS.relationsPerMap.toLocaleString('en')} relations`),
  mainClaimId: id.nullable(),
});
