// Writes lib/formats/schemas/*.json (ronten-argmap versions 1 and 2) from the zod schemas: `npx tsx scripts/gen-schemas.ts`.
import fs from 'node:fs';
import path from 'node:path';
import { publishedSchemas, renderSchema } from '@/lib/formats/jsonSchemas';

for (const name of Object.keys(publishedSchemas)) {
  const file = path.join(process.cwd(), 'lib/formats/schemas', name);
  fs.writeFileSync(file, renderSchema(name));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
