// Suggested argument units from the text's signposts (match.ts): a sentence, or a clause of one,
// with a proposed label and, where the signposts say so, the relation to an earlier suggestion.
// A student accepts one (it becomes ordinary operations) or dismisses it; nothing here writes.
//
// Reading the signposts the way a teacher reads an essay:
//   example / reason            → evidence supporting the nearest claim before it (or the
//                                  sentence just before, when that was suggested)
//   enumeration / addition      → evidence supporting the claim the row began under (第一に…
//                                  第二に… all support one claim); また/さらに count only inside
//                                  a row already started, since they also just add facts
//   conclusion / restatement    → a claim, supported by the evidence suggested since the last claim
//   stance (…と思われる)         → a claim
//   reported (…向きも多かった)   → a counterargument (the view the writer will answer)
//   concession (確かに …が、…)   → a counterargument; the clause after its が、 (or the next
//                                  contrast sentence) is the rebuttal attacking it
//   contrast (しかし, とはいえ)  → a rebuttal attacking the counterargument just before; with no
//                                  counterargument before, a claim if the sentence takes a stance,
//                                  else a counterargument attacking the last claim
// Everything else is left alone: suggestions are for sentences whose role the writer signalled.
// Linear in the tokens. Pure: runs on the server, the CLI and in the browser on token spans.

import type { TokenSpan } from '@/lib/tokens';
import type { DefaultLabel, RelationType } from '@/lib/argument/types';
import { findSignposts, type Sentence, type SignpostMatch } from './match';
import type { SignpostRole } from './lexicon';

export interface Suggestion {
  /// UTF-16 offsets on token boundaries, like a unit's.
  start: number;
  end: number;
  label: DefaultLabel;
  /// The signpost's text as written (例えば, と思われる), and its role.
  cue: string;
  role: SignpostRole;
  /// The relation this suggestion would have, to an earlier suggestion (its index).
  relation?: { type: RelationType; to: number };
}

/// How far back (in sentences) an example or a contrast still answers a suggestion.
const REACH = 6;

export function suggestUnits(text: string, tokens: readonly TokenSpan[]): Suggestion[] {
  const { sentences, matches } = findSignposts(text, tokens);
  const bySentence = new Map<number, { open?: SignpostMatch; close?: SignpostMatch }>();
  for (const m of matches) {
    const entry = bySentence.get(m.sentence) ?? {};
    entry[m.at] = m;
    bySentence.set(m.sentence, entry);
  }

  const out: (Suggestion & { sentence: number })[] = [];
  let rowTarget: number | undefined; // the claim a row of 第一に/第二に… supports
  let rowOpenAt = -Infinity; // the sentence of the row's latest item

  const recent = (si: number, label: DefaultLabel): number | undefined => {
    for (let k = out.length - 1; k >= 0 && si - out[k].sentence <= REACH; k--) if (out[k].label === label) return k;
    return undefined;
  };
  const add = (s: Suggestion, sentence: number) => out.push({ ...s, sentence }) - 1;
  const whole = (s: Sentence) => ({ start: s.start, end: s.end });

  sentences.forEach((s, si) => {
    const found = bySentence.get(si);
    if (!found) return;
    const { open, close } = found;
    const cue = (open ?? close)!;
    const base = { ...whole(s), cue: cue.cue, role: cue.role };

    switch (open?.role) {
      case 'example':
      case 'reason': {
        const to = out.length > 0 && out[out.length - 1].sentence === si - 1 && out[out.length - 1].label === 'claim' ? out.length - 1 : recent(si, 'claim');
        add({ ...base, label: 'evidence', relation: to === undefined ? undefined : { type: 'support', to } }, si);
        // なぜなら、第一に…: the row of reasons that follows supports the same claim.
        if (open.role === 'reason') {
          rowTarget = to;
          rowOpenAt = si;
        }
        return;
      }
      case 'enumeration':
      case 'addition': {
        const inRow = si - rowOpenAt <= REACH;
        if (open.role === 'addition' && !inRow) break; // a bare また/さらに: see the header
        if (!inRow) rowTarget = recent(si, 'claim');
        rowOpenAt = si;
        add({ ...base, label: 'evidence', relation: rowTarget === undefined ? undefined : { type: 'support', to: rowTarget } }, si);
        return;
      }
      case 'conclusion':
      case 'restatement': {
        const k = add({ ...base, label: 'claim' }, si);
        // The evidence suggested since the last claim now has its conclusion.
        for (let e = k - 1; e >= 0 && out[e].label !== 'claim' && si - out[e].sentence <= REACH * 2; e--) {
          if (out[e].label === 'evidence' && out[e].relation === undefined) out[e].relation = { type: 'support', to: k };
        }
        rowOpenAt = -Infinity;
        return;
      }
      case 'concession': {
        const split = clauseAfterGa(tokens, s, open.end);
        if (split === undefined) {
          add({ ...base, label: 'counterargument' }, si);
          return;
        }
        const k = add({ ...base, end: split.end, label: 'counterargument' }, si);
        add({ start: split.start, end: s.end, cue: open.cue, role: 'contrast', label: 'rebuttal', relation: { type: 'attack', to: k } }, si);
        return;
      }
      case 'contrast': {
        const counter = recent(si, 'counterargument');
        if (counter !== undefined && si - out[counter].sentence <= 2) {
          add({ ...base, label: 'rebuttal', relation: { type: 'attack', to: counter } }, si);
        } else if (close?.role === 'stance') {
          add({ ...base, label: 'claim' }, si);
        } else {
          const claim = recent(si, 'claim');
          add({ ...base, label: 'counterargument', relation: claim === undefined ? undefined : { type: 'attack', to: claim } }, si);
        }
        return;
      }
    }
    if (close?.role === 'stance') add({ ...whole(s), cue: close.cue, role: close.role, label: 'claim' }, si);
    else if (close?.role === 'reported') add({ ...whole(s), cue: close.cue, role: close.role, label: 'counterargument' }, si);
  });

  return out.map(({ sentence: _sentence, ...s }) => s);
}

/// In a conceding sentence (確かに…が、…), where the answering clause starts: after the first
/// conjunctive が (or けれども, ものの) followed by 、 past the cue. Undefined when there is none.
function clauseAfterGa(tokens: readonly TokenSpan[], s: Sentence, after: number): { end: number; start: number } | undefined {
  for (let i = s.first; i + 1 < s.last; i++) {
    const t = tokens[i];
    if (t.start < after) continue;
    if ((t.surface === 'が' || t.surface === 'けれども' || t.surface === 'ものの') && tokens[i + 1].surface === '、') {
      let j = i + 2;
      while (j < s.last && /^[\s\u3000]+$/.test(tokens[j].surface)) j++;
      if (j >= s.last) return undefined;
      return { end: tokens[i + 1].end, start: tokens[j].start };
    }
  }
  return undefined;
}
