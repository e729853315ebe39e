// `npx tsx bench/bigDocumentRun.ts`: the 1 MiB document section of `npm run bench` alone — the
// server's figures and the page in Chromium (lazy paragraphs and not) — against this build.
import fs from 'node:fs';
import path from 'node:path';
import { bigDocumentSection } from './bigDocument';

const root = process.cwd();
const essay = fs.readFileSync(path.join(root, 'corpus/russia-diplomacy-2020.source.txt'), 'utf8');
bigDocumentSection(root, essay, (name, value, target = '') => console.log(`${name.padEnd(62)} ${value.padStart(18)}  ${target}`)).catch((e) => {
  console.error(e);
  process.exit(1);
});
