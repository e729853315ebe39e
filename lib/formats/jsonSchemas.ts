// The JSON Schema files published for the export formats, generated from the zod schemas so the
// two cannot drift (a test compares the committed files with this output). Version 1 of
// ronten-argmap stays published: files written before version 2 are still read.
import { z } from 'zod';
import { argmapV1Schema, argmapV2Schema } from './native';

export const publishedSchemas: Record<string, () => object> = {
  'ronten-argmap.v1.schema.json': () => z.toJSONSchema(argmapV1Schema, { target: 'draft-2020-12', io: 'input' }),
  'ronten-argmap.v2.schema.json': () => z.toJSONSchema(argmapV2Schema, { target: 'draft-2020-12', io: 'input' }),
};

export function renderSchema(name: string): string {
  return `${JSON.stringify(publishedSchemas[name](), null, 2)}\n`;
}
