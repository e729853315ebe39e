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

const implicitText = z.string().min(1, 'an implicit unit needs a text').max(LIMITS.implicitTextChars, `an implicit unit's text has at most ${LIMITS.implicitTextChars.toLocaleString('en')} characters`);
const answer = z.string().min(1).max(LIMITS.criticalAnswerChars, `an answer to a critical question has at most ${LIMITS.criticalAnswerChars.toLocaleString('en')} characters`);

export const textUnitSchema = z.strictObject({ id, label: id, start: offset, end: offset, note });
export const implicitUnitSchema = z.strictObject({ id, label: id, implicit: z.literal(true), text: implicitText, note });
export const unitSchema = z.union([textUnitSchema, implicitUnitSchema]);

/// Premises: a list (a linked argument when longer than one). A single id is read as a one-item
/// list, so a batch queued by a page loaded before the deeper model (issue 17) still saves.
const premises = z.union([id.transform((one) => [one]), z.array(id).min(1, 'a relation has at least one premise').max(LIMITS.premisesPerRelation, `a relation has at most ${LIMITS.premisesPerRelation} premises`)]);
const criticalQuestionAnswers = z.array(z.strictObject({ id, answer })).max(50);
export const relationSchema = z.strictObject({
  id,
  type: relationType,
  from: premises,
  to: id,
  scheme: id.optional(),
  criticalQuestions: criticalQuestionAnswers.optional(),
  note,
});

const unitFields = z.strictObject({ label: id.optional(), start: offset.optional(), end: offset.optional(), text: implicitText.optional(), note: note.optional() });
const relationFields = z.strictObject({ type: relationType.optional(), note: note.optional() });
const schemeState = z.strictObject({ scheme: id.nullable(), answers: criticalQuestionAnswers });
const carriedRelations = z.array(relationSchema).max(LIMITS.relationsPerUnit, `one unit carries at most ${LIMITS.relationsPerUnit} relations`);

const unitPresence = { unit: unitSchema, relations: carriedRelations, mainClaim: z.boolean() };
const relationPresence = { relation: relationSchema, undercutters: carriedRelations.optional() };
const premise = { id, unit: id, position: z.int().min(0).max(LIMITS.premisesPerRelation) };

export const operationSchema: z.ZodType<Operation> = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('addUnit'), ...unitPresence }),
  z.strictObject({ op: z.literal('removeUnit'), ...unitPresence }),
  z.strictObject({ op: z.literal('updateUnit'), id, before: unitFields, after: unitFields }),
  z.strictObject({ op: z.literal('addRelation'), ...relationPresence }),
  z.strictObject({ op: z.literal('removeRelation'), ...relationPresence }),
  z.strictObject({ op: z.literal('updateRelation'), id, before: relationFields, after: relationFields }),
  z.strictObject({ op: z.literal('setMainClaim'), before: id.nullable(), after: id.nullable() }),
  z.strictObject({ op: z.literal('addPremise'), ...premise }),
  z.strictObject({ op: z.literal('removePremise'), ...premise }),
  z.strictObject({ op: z.literal('setScheme'), id, before: schemeState, after: schemeState }),
  z.strictObject({ op: z.literal('answerCriticalQuestion'), id, question: id, before: answer.nullable(), after: answer.nullable() }),
]) as z.ZodType<Operation>;

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
