// Token-level agreement of several argument maps over one text, as Krippendorff's nominal alpha
// (alpha.ts): how consistently a class labels the same words the same way, independently of
// how units were cut or paired.
//
// Definitions:
// - Units of analysis are the tokens passed in (`{start, end}` in UTF-16 code units, e.g. the
//   word tokens of lib/tokens; the caller decides whether whitespace or punctuation are units —
//   scripts/agreement.ts drops whitespace-only tokens). Each token counts once, whatever its
//   length.
// - Each map is one coder. Its value for a token is the label of the INNERMOST unit covering the
//   token — the shortest unit with start ≤ token.start and token.end ≤ end; equal lengths: the
//   first in (start, end, id) order — because a nested unit is the more specific statement
//   about those words. A unit that covers only part of a token does not label it (units lie on
//   token boundaries, so this only happens with other tokens than the map was made on).
// - A token no unit covers gets the value NONE, and NONE IS A CATEGORY like any label: leaving
//   a passage unannotated is a decision coders agree or disagree on. Consequence worth knowing:
//   much text that everyone leaves blank raises α; the per-label figures below do not hide it.
//   No value is ever missing, so every token is pairable when there are ≥ 2 maps.
// - overall = α over the values {labels…, NONE}.
// - byLabel[L] = α over the binary values {L, not L} (not L = NONE or any other label): how
//   reliably coders tell L-text from the rest. null where undefined (e.g. nobody used L: no
//   variation).

import { compareUnits, textUnits, type ArgumentMap } from '@/lib/argument/types';
import { alphaFromCoincidences, coincidencesOfUnits } from './alpha';
import { lowerBound } from './bounds';
import { orderLabels } from './compare';

/// The value of a token no unit covers. A symbol, so no label id can collide with it.
export const NONE: unique symbol = Symbol('none');
export type TokenValue = string | typeof NONE;

export interface TokenSpan {
  start: number;
  end: number;
}

export interface TokenAlpha {
  overall: number | null;
  byLabel: Record<string, number | null>;
  /// Units of analysis (tokens) and coders (maps) the figures are over.
  tokens: number;
  annotators: number;
}

/// Each map's value for each token: `values[map][token]` (see the header for the rule).
export function tokenValues(maps: readonly Pick<ArgumentMap, 'units'>[], tokens: readonly TokenSpan[]): TokenValue[][] {
  // Token indices sorted by start, to find the tokens inside a unit by binary search.
  const order = tokens.map((_, i) => i).sort((a, b) => tokens[a].start - tokens[b].start || tokens[a].end - tokens[b].end || a - b);
  const starts = order.map((i) => tokens[i].start);
  return maps.map((map) => {
    const values = new Array<TokenValue>(tokens.length).fill(NONE);
    // Paint outer units first and inner ones over them: longest first; among equal lengths the
    // unit that should win (first in compareUnits order) paints last.
    const units = textUnits(map.units).sort((a, b) => b.end - b.start - (a.end - a.start) || compareUnits(b, a));
    for (const u of units) {
      for (let k = lowerBound(starts, u.start); k < order.length && starts[k] < u.end; k++) {
        const t = tokens[order[k]];
        if (t.end <= u.end) values[order[k]] = u.label;
      }
    }
    return values;
  });
}

/// Krippendorff's α over tokens for `maps` of one text (overall and per label; see the header).
/// `labels`: the labels to report in byLabel (default: every label some unit uses, default
/// scheme first). Labels outside the list still count as categories of `overall`.
export function tokenLevelAlpha(maps: readonly Pick<ArgumentMap, 'units'>[], tokens: readonly TokenSpan[], labels?: readonly string[]): TokenAlpha {
  const values = tokenValues(maps, tokens);
  const unitsOfAnalysis = (f: (v: TokenValue) => TokenValue) => tokens.map((_, t) => values.map((row) => f(row[t])));
  const overall = alphaFromCoincidences(coincidencesOfUnits(unitsOfAnalysis((v) => v)));
  const byLabel: Record<string, number | null> = {};
  for (const label of labels ?? orderLabels(maps.flatMap((m) => m.units.map((u) => u.label)))) {
    byLabel[label] = alphaFromCoincidences(coincidencesOfUnits(unitsOfAnalysis((v) => (v === label ? label : NONE))));
  }
  return { overall, byLabel, tokens: tokens.length, annotators: maps.length };
}

/// One token per code point of `text` (UTF-16 offsets): the fallback unit of analysis when no
/// tokenizer is at hand. Finer than words, so long units weigh more than with morphemes.
export function codePointTokens(text: string): TokenSpan[] {
  const tokens: TokenSpan[] = [];
  let offset = 0;
  for (const ch of text) {
    tokens.push({ start: offset, end: offset + ch.length });
    offset += ch.length;
  }
  return tokens;
}
