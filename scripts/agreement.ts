// `agreement A.json B.json [--json]`: how far a candidate map (B, e.g. a student's) agrees with a
// reference map (A, e.g. the instructor's) of the same text — unit precision / recall / F1 with
// exact and ≥ ½-overlap matching, label accuracy and confusion, relation F1 (typed and untyped),
// and Krippendorff's alpha between the two over the text's morphemes. The definitions are in
// lib/agreement (prf.ts, match.ts, compare.ts, alpha.ts, tokenAlpha.ts).
//
// Both files are `ronten-argmap` v1, read with parseNative, which checks everything (quotes,
// sha256, labels, relations); maps of different texts (textSha256 differs) are refused, since
// their offsets mean different things. Errors are thrown, not printed: the CLI that registers
// this command (scripts/cli.ts) prints them — a message starting "usage:" is a usage error.
//
// Units of analysis for alpha: the kuromoji morphemes of the text without whitespace-only tokens
// (wordTokens, as the class agreement uses: line breaks and spaces are layout, not words every
// annotator trivially agrees on). Without a dictionary it falls back to code points and says so.

import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareMaps, codePointTokens, tokenLevelAlpha, wordTokens, type MapComparison, type Scores, type TokenSpan } from '@/lib/agreement';
import { parseNative } from '@/lib/formats/native';
import type { AnnotatedMap } from '@/lib/formats/types';
import { tokenize } from '@/lib/tokens/kuromoji';

const usage = `usage: agreement REFERENCE.json CANDIDATE.json [--json]
  compares CANDIDATE (e.g. a student's map) with REFERENCE; both ronten-argmap files of the same text
  --json   print one JSON object instead of the table`;

// The bin runs commands from the repository root; file arguments are relative to where the user was.
const resolveArg = (file: string) => path.resolve(process.env.RONTEN_CALLER_CWD ?? process.cwd(), file);

async function readArgmap(file: string): Promise<AnnotatedMap> {
  let raw: string;
  try {
    raw = await fs.readFile(resolveArg(file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${file}: no such file` : code === 'EISDIR' ? `${file} is a directory` : `${file}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new Error(`${file}: not JSON (${(e as Error).message})`);
  }
  const parsed = parseNative(json);
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, 3).map((err) => `${err.at}: ${err.message}`);
    const more = parsed.errors.length > 3 ? `; and ${parsed.errors.length - 3} more` : '';
    throw new Error(`${file}: not a valid ronten-argmap file: ${shown.join('; ')}${more}`);
  }
  return parsed.value;
}

/// Word tokens of `text` for token-level alpha, and what they are.
async function unitsOfAnalysis(text: string): Promise<{ tokens: TokenSpan[]; unit: 'morpheme' | 'codepoint'; note?: string }> {
  try {
    return { tokens: wordTokens(text, await tokenize(text)), unit: 'morpheme' };
  } catch (e) {
    return { tokens: wordTokens(text, codePointTokens(text)), unit: 'codepoint', note: (e as Error).message };
  }
}

export async function agreementCommand(args: string[]): Promise<void> {
  let positionals: string[];
  let json: boolean;
  try {
    const parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { json: { type: 'boolean' } } });
    positionals = parsed.positionals;
    json = parsed.values.json ?? false;
  } catch (e) {
    throw new Error(`${usage}\n${(e as Error).message}`);
  }
  if (positionals.length !== 2) throw new Error(`${usage}\nagreement takes exactly two files (got ${positionals.length})`);
  const [referenceFile, candidateFile] = positionals;
  const [reference, candidate] = await Promise.all([readArgmap(referenceFile), readArgmap(candidateFile)]);
  if (reference.document.textSha256 !== candidate.document.textSha256) {
    throw new Error(
      `${referenceFile} and ${candidateFile} annotate different texts (textSha256 ${reference.document.textSha256.slice(0, 12)}… vs ` +
        `${candidate.document.textSha256.slice(0, 12)}…); only maps of the same text can be compared`,
    );
  }

  const comparison = compareMaps(reference.map, candidate.map);
  const labels = [...new Set([...reference.labels, ...candidate.labels].map((l) => l.id))];
  const analysis = await unitsOfAnalysis(reference.document.text);
  const alpha = tokenLevelAlpha([reference.map, candidate.map], analysis.tokens, labels);

  if (json) {
    const prf = ({ precision, recall, f1, matched, missing, extra }: Scores) => ({ precision, recall, f1, matched, missing, extra });
    const describe = (file: string, m: AnnotatedMap) => ({ file, annotator: m.annotator, units: m.map.units.length, relations: m.map.relations.length });
    const out = {
      document: { id: reference.document.id, title: reference.document.title, textSha256: reference.document.textSha256 },
      reference: describe(referenceFile, reference),
      candidate: describe(candidateFile, candidate),
      units: { exact: prf(comparison.units.exact), overlap: prf(comparison.units.overlap) },
      implicitUnits: prf(comparison.implicitUnits),
      labels: comparison.labels,
      relations: { typed: prf(comparison.relations.typed), untyped: prf(comparison.relations.untyped) },
      alpha: {
        overall: alpha.overall,
        byLabel: alpha.byLabel,
        unitOfAnalysis: analysis.unit,
        tokens: alpha.tokens,
        annotators: alpha.annotators,
        noneIsCategory: true,
      },
      matches: comparison.matches,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  process.stdout.write(renderTable(referenceFile, reference, candidateFile, candidate, comparison, labels, alpha, analysis));
}

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(3));
/// A count, or a sum of partial credit (relations, lib/agreement/relations.ts) to two decimals.
const count = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));

function renderTable(
  referenceFile: string,
  reference: AnnotatedMap,
  candidateFile: string,
  candidate: AnnotatedMap,
  c: MapComparison,
  labels: string[],
  alpha: ReturnType<typeof tokenLevelAlpha>,
  analysis: { unit: 'morpheme' | 'codepoint'; note?: string },
): string {
  const lines: string[] = [];
  const who = (m: AnnotatedMap) => `${m.map.units.length} units, ${m.map.relations.length} relations, annotator ${m.annotator.name || m.annotator.id}`;
  lines.push(`reference  ${referenceFile} (${who(reference)})`);
  lines.push(`candidate  ${candidateFile} (${who(candidate)})`);
  lines.push(`text       ${reference.document.title} (sha256 ${reference.document.textSha256.slice(0, 12)}…)`);
  lines.push('');
  const row = (name: string, s: Scores) =>
    `${name.padEnd(22)}${fmt(s.precision).padStart(10)}${fmt(s.recall).padStart(8)}${fmt(s.f1).padStart(8)}` +
    `${count(s.matched).padStart(9)}${count(s.missing).padStart(9)}${count(s.extra).padStart(7)}`;
  lines.push(`${''.padEnd(22)}${'precision'.padStart(10)}${'recall'.padStart(8)}${'F1'.padStart(8)}${'matched'.padStart(9)}${'missing'.padStart(9)}${'extra'.padStart(7)}`);
  lines.push(row('units, exact span', c.units.exact));
  lines.push(row('units, overlap ≥ ½', c.units.overlap));
  if (c.implicitUnits.matched + c.implicitUnits.missing + c.implicitUnits.extra > 0) lines.push(row('implicit units', c.implicitUnits));
  lines.push(row('relations, typed', c.relations.typed));
  lines.push(row('relations, untyped', c.relations.untyped));
  lines.push('');
  lines.push(`label accuracy on overlap-matched units: ${fmt(c.labels.accuracy)} (${c.labels.agreeing} of ${c.labels.pairs})`);
  const confusionLabels = Object.keys(c.labels.confusion);
  if (confusionLabels.length) {
    const width = Math.max(16, ...confusionLabels.map((l) => l.length + 2));
    lines.push(`  ${'reference \\ candidate'.padEnd(width + 6)}${confusionLabels.map((l) => l.padStart(width)).join('')}`);
    for (const a of confusionLabels) {
      lines.push(`  ${a.padEnd(width + 6)}${confusionLabels.map((b) => String(c.labels.confusion[a][b]).padStart(width)).join('')}`);
    }
  }
  lines.push('');
  const unitName = analysis.unit === 'morpheme' ? 'morphemes (kuromoji)' : 'code points (no tokenizer)';
  lines.push(`Krippendorff's alpha (nominal), token level: ${alpha.annotators} annotators, ${alpha.tokens} ${unitName}; "none" counts as a category`);
  if (analysis.note) lines.push(`  (kuromoji unavailable: ${analysis.note})`);
  lines.push(`  ${'overall'.padEnd(18)}${fmt(alpha.overall).padStart(7)}`);
  for (const l of labels) lines.push(`  ${l.padEnd(18)}${fmt(alpha.byLabel[l] ?? null).padStart(7)}`);
  if (c.matches.missing.length || c.matches.extra.length) lines.push('');
  if (c.matches.missing.length) lines.push(`missing (in reference, not in candidate): ${c.matches.missing.join(', ')}`);
  if (c.matches.extra.length) lines.push(`extra (in candidate, not in reference): ${c.matches.extra.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
