// Golden files: the small example map in every format, compared byte for byte, so that any
// change to a format's output is a visible diff under lib/formats/__golden__/.
// Regenerate after an intended change with: RONTEN_UPDATE_GOLDEN=1 npx vitest run lib/formats/golden.test.ts
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bratAnnotationConf, formatIds, formats, importAnnotated } from '.';
import { EXPORTED_AT, smallMap } from './test-fixtures';

const dir = path.join(__dirname, '__golden__');
const update = process.env.RONTEN_UPDATE_GOLDEN === '1';
const map = smallMap();

const cases: Array<[string, string]> = formatIds.flatMap((id) => formats[id].files(map, { exportedAt: EXPORTED_AT }).map((f) => [`small${f.suffix}`, f.content] as [string, string]));
cases.push(['annotation.conf', bratAnnotationConf(map.labels)]);

describe('golden files', () => {
  it.each(cases)('%s', (name, content) => {
    const file = path.join(dir, name);
    if (update) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(file, content);
    }
    expect(fs.existsSync(file), `${file} is missing: run with RONTEN_UPDATE_GOLDEN=1`).toBe(true);
    expect(Buffer.from(content, 'utf8').equals(fs.readFileSync(file))).toBe(true);
  });

  it('the golden files of importable formats import back to the small map', () => {
    // Hypothesis has no relations and no offsets in our text: its own test covers it.
    for (const id of formatIds.filter((f) => formats[f].canImport && f !== 'hypothesis')) {
      const read = (suffix: string) => fs.readFileSync(path.join(dir, `small${suffix}`), 'utf8');
      const input = id === 'brat' ? { txt: read('.txt'), ann: read('.ann') } : read(formats[id].extensions[0]);
      const result = importAnnotated(input, { format: id, document: map.document, labels: map.labels });
      if (!result.ok) throw new Error(`${id}: ${JSON.stringify(result.errors)}`);
      expect(result.needsAcceptance, id).toBe(false);
      expect(result.value.map, id).toEqual(map.map);
    }
  });
});
