// The map import's work off the event loop (importRequest, run on a worker by the import
// route): from the body's raw bytes to either an answer ready to send or what to write.
import { describe, expect, it } from 'vitest';
import { formats } from '@/lib/formats';
import { EXPORTED_AT, smallMap } from '@/lib/formats/test-fixtures';
import type { PackedContents } from '@/lib/db/packedContents';
import { extendJson, importRequest, type ImportRequestOutcome } from './importRequest';

const annotated = smallMap();
const [file] = formats.json.files(annotated, { exportedAt: EXPORTED_AT });
const options = { document: annotated.document, labels: annotated.labels, boundaries: [...Array(annotated.document.text.length + 1).keys()], replacing: { units: 0 } };
const run = (body: string | object) => importRequest({ body: new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)), options });
const request = { fileName: 'small.argmap.json', content: String(file.content), baseVersion: 3 };

/// The map packed contents carry, whole.
const unpacked = (c: PackedContents) => ({ units: c.units.flatMap((t) => JSON.parse(t)), relations: c.relations.flatMap((t) => JSON.parse(t)), mainClaimId: c.mainClaimId });

function answered(outcome: ImportRequestOutcome) {
  if (outcome.kind !== 'answer') throw new Error(`expected an answer, got ${outcome.kind}`);
  return { status: outcome.status, body: JSON.parse(outcome.json) };
}

describe('importRequest', () => {
  it('answers 400 for a body that is not JSON', () => {
    expect(answered(run('{"fileName":'))).toEqual({ status: 400, body: { error: 'the request body is not valid JSON', code: 'request.notJson', params: {} } });
  });

  it('answers 422 naming the field for a body that does not fit the schema, or text no table can hold', () => {
    const { status, body } = answered(run({ ...request, baseVersion: 0 }));
    expect(status).toBe(422);
    expect(body.field).toBe('baseVersion');
    expect(answered(run({ ...request, fileName: 'a\u0000b' })).body.field).toBe('fileName');
  });

  it('answers 422 with the code for a file of no known format', () => {
    const { status, body } = answered(run({ ...request, fileName: 'notes.docx', content: 'hello' }));
    expect(status).toBe(422);
    expect(body.code).toBe('import.unknownFormat');
  });

  it("answers 422 listing a file's problems", () => {
    const { status, body } = answered(run({ ...request, content: '{"format":"ronten-argmap"}' }));
    expect(status).toBe(422);
    expect(body.ok).toBe(false);
    expect(body.errors.length).toBeGreaterThan(0);
    expect(body.error).toBe(`${body.errors[0].at}: ${body.errors[0].message}`);
  });

  it('reads an .argdown file by its name: ours gives the map to write, a broken one 422 with coded errors and nothing to write', () => {
    const argdown = formats.argdown.files(annotated)[0].content;
    const outcome = run({ fileName: 'small.argdown', content: argdown, baseVersion: 3 });
    if (outcome.kind !== 'write') throw new Error('expected a write');
    expect(unpacked(outcome.contents)).toEqual(annotated.map);
    const { status, body } = answered(run({ fileName: 'small.argdown', content: `${argdown}\n+> [u1]\n`, baseVersion: 3 }));
    expect(status).toBe(422);
    expect(body).toMatchObject({ ok: false, format: 'argdown', errors: [{ code: 'argdownOrphanRelation' }] });
  });

  it('answers a dry run with the report and writes nothing', () => {
    const { status, body } = answered(run({ ...request, dryRun: true }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, format: 'json', units: annotated.map.units.length, relations: annotated.map.relations.length, written: false });
  });

  it('hands back the map to write, already serialized for the answer', () => {
    const outcome = run({ ...request, accept: true });
    if (outcome.kind !== 'write') throw new Error('expected a write');
    expect(outcome.baseVersion).toBe(3);
    const map = unpacked(outcome.contents);
    expect(map.units.map((u) => u.id).sort()).toEqual(annotated.map.units.map((u) => u.id).sort());
    expect(JSON.parse(outcome.mapJson)).toEqual(map);
    const answer = JSON.parse(extendJson(outcome.summaryJson, { written: 'true', version: '4', map: outcome.mapJson }));
    expect(answer).toMatchObject({ ok: true, format: 'json', needsAcceptance: false, written: true, version: 4, map });
    expect(JSON.parse(extendJson('{}', { a: '1' }))).toEqual({ a: 1 });
  });
});
