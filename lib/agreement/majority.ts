// A reference map built from the class's majority — what most students marked — for an
// instructor to start from and then adjust. Pure; the caller passes the maps of the students who
// have started (classAgreement.ts's rule) and the document's tokens.
//
// Definitions (n = number of students' maps; "most" = a strict majority, 2·votes > n):
// - Units. Every distinct (start, end, label) some student used is a proposal. A student VOTES
//   for a proposal when one of their units with the same label finds it (teacher.ts: the span a
//   teacher would count as "the same", boundary choices forgiven). Proposals with a majority are
//   taken greedily, most votes first (then most students with exactly that span, then text
//   order), skipping one that would find, or be found by, a unit already taken with the same
//   label — so the class's five slightly different boundaries of one claim become one unit,
//   with the boundaries most students chose exactly.
// - Relations. Each student's units are paired with the majority units (teacherMatch, one to
//   one); a student's relation votes for (type, M(premises) → M(target)) — its premise SET, so a
//   linked argument votes as one argument, not as one edge per premise — where M(premises) keeps
//   the premises that paired (an implicit premise has no span and never does; a premise nobody
//   else marked drops out) and needs at least one, and the target must pair and not be among
//   them. A relation most students (each once) vote for is taken. Undercutters (aimed at a
//   relation) do not vote: the majority map has no inferences to aim at until its relations are
//   chosen; the instructor adds them in the editor.
// - Main claim: the majority unit most students' main claims pair with, when that is a
//   majority too; otherwise none.
// Ids are m1, m2, … in text order and r1, r2, … — the caller gives them fresh ids when it
// writes them into a map.

import { textUnits, type ArgumentMap, type ArgumentUnit, type Relation, type RelationType } from '@/lib/argument/types';
import { teacherMatch, wordIndex, type WordIndex, type WordToken } from './teacher';

export interface MajorityMap {
  map: ArgumentMap;
  /// How many of the students' maps the votes are out of.
  voters: number;
  /// Votes per unit and per relation id of `map`.
  votes: Record<string, number>;
}

/// The class's majority map (see the header). `tokens`: the text's tokens or their wordIndex.
export function majorityMap(students: readonly ArgumentMap[], tokens: readonly WordToken[] | WordIndex): MajorityMap {
  const n = students.length;
  const words = 'range' in tokens ? tokens : wordIndex(tokens);
  const most = (votes: number) => 2 * votes > n;

  interface Proposal { start: number; end: number; label: string; exact: Set<number>; votes: number; order: number }
  const proposals = new Map<string, Proposal>();
  students.forEach((m, who) => {
    for (const u of textUnits(m.units)) {
      const key = JSON.stringify([u.start, u.end, u.label]);
      const p = proposals.get(key) ?? { start: u.start, end: u.end, label: u.label, exact: new Set<number>(), votes: 0, order: 0 };
      p.exact.add(who);
      proposals.set(key, p);
    }
  });
  const all = [...proposals.values()].sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  all.forEach((p, i) => (p.order = i));
  for (const p of all) {
    const asRef = { id: '', ...p };
    p.votes = students.filter((m) => textUnits(m.units).some((u) => u.label === p.label && words.found(asRef, u))).length;
  }
  const taken: Proposal[] = [];
  for (const p of all.filter((q) => most(q.votes)).sort((a, b) => b.votes - a.votes || b.exact.size - a.exact.size || a.order - b.order)) {
    const asUnit = { id: '', ...p };
    if (taken.some((t) => t.label === p.label && (words.found({ id: '', ...t }, asUnit) || words.found(asUnit, { id: '', ...t })))) continue;
    taken.push(p);
  }
  taken.sort((a, b) => a.order - b.order); // text order (start, end, label)
  const votes: Record<string, number> = {};
  const majorityUnits: ArgumentUnit[] = taken.map((p, i) => {
    votes[`m${i + 1}`] = p.votes;
    return { id: `m${i + 1}`, label: p.label, start: p.start, end: p.end, note: '' };
  });
  const skeleton: ArgumentMap = { units: majorityUnits, relations: [], mainClaimId: null };

  const relationVotes = new Map<string, { type: RelationType; from: string[]; to: string; voters: Set<number> }>();
  const mainVotes = new Map<string, number>();
  students.forEach((m, who) => {
    const toMajority = new Map(teacherMatch(skeleton, m, words).units.pairs.map((p) => [p.student, p.reference]));
    for (const r of m.relations) {
      const from = [...new Set(r.from.flatMap((p) => toMajority.get(p) ?? []))].sort();
      const to = toMajority.get(r.to);
      if (from.length === 0 || to === undefined || from.includes(to)) continue;
      const key = JSON.stringify([r.type, from, to]);
      const entry = relationVotes.get(key) ?? { type: r.type, from, to, voters: new Set<number>() };
      entry.voters.add(who);
      relationVotes.set(key, entry);
    }
    const main = m.mainClaimId === null ? undefined : toMajority.get(m.mainClaimId);
    if (main !== undefined) mainVotes.set(main, (mainVotes.get(main) ?? 0) + 1);
  });
  const relations: Relation[] = [...relationVotes.entries()]
    .filter(([, e]) => most(e.voters.size))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, e], i) => {
      votes[`r${i + 1}`] = e.voters.size;
      return { id: `r${i + 1}`, type: e.type, from: e.from, to: e.to, note: '' };
    });
  const [main] = [...mainVotes.entries()].filter(([, v]) => most(v)).sort((a, b) => b[1] - a[1]);
  return { map: { units: majorityUnits, relations, mainClaimId: main ? main[0] : null }, voters: n, votes };
}
