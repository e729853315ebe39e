// `npm run bench` section: how well the signpost suggestions (lib/signposts) find the units of
// the corpus's worked example map. Figures, not a threshold.
import fs from 'node:fs';
import path from 'node:path';
import { canonicalize } from '@/lib/text';
import { tokenize } from '@/lib/tokens/kuromoji';
import { suggestUnits } from '@/lib/signposts/suggest';
import { scoreSuggestions } from '@/lib/signposts/evaluate';

type Report = (name: string, value: string, target?: string) => void;

export async function suggestionFigures(root: string, report: Report) {
  const text = canonicalize(fs.readFileSync(path.join(root, 'corpus/russia-diplomacy-2020.source.txt'), 'utf8')).text;
  const example = JSON.parse(fs.readFileSync(path.join(root, 'corpus/russia-diplomacy-2020.example.argmap.json'), 'utf8')) as {
    units: Array<{ start?: number; end?: number; label: string; implicit?: true }>;
  };
  // Implicit units (ronten-argmap v2) have no span: suggestions are about the text only.
  const textUnits = example.units.filter((u): u is { start: number; end: number; label: string } => u.implicit !== true && typeof u.start === 'number' && typeof u.end === 'number');
  const tokens = await tokenize(text);
  const score = scoreSuggestions(suggestUnits(text, tokens), textUnits, tokens);
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  report(`signpost suggestions on the essay`, `${score.suggestions}`, `(example map: ${score.units} units)`);
  report('  precision: span / span + label', `${pct(score.precision.span)} / ${pct(score.precision.labelled)}`);
  report('  recall: span / span + label', `${pct(score.recall.span)} / ${pct(score.recall.labelled)}`, '(found: ≥ ½ of the suggestion inside a unit)');
}
