// The analysed text of an AIF file as OVA3 shows and saves it: HTML, the text escaped, `<br>` for
// each line break, and `<span class="highlighted" id="node{ID}">…</span>` around each I-node's
// passage — OVA3's loader links an I-node to its passage by that span id and alerts "Failed to
// link the analysis text to the marked nodes" for every I-node without one.
//
// Invariants. htmlToText(ovaHtml(text, …)) === text, and stays so after a browser re-serializes
// the HTML (what an OVA3 save writes: innerHTML), because the only markup is spans and <br>, and
// the data attribute is percent-encoded (no quotes, ampersands or angle brackets to re-escape).
// Spans must nest, so units that cross another (overlap without nesting) get none: OVA3 marks
// those I-nodes unlinked; every nested or disjoint unit is linked.
//
// OVA3 keeps only nodeID, text and type of each node and drops every field it does not know on
// load-and-save, but keeps the text's HTML as it is. So the facts a map needs beyond AIF (labels,
// unit ids, offsets, notes, main claim, comments) also ride in the text, as one empty leading
// `<span data-ronten="…">` holding them as percent-encoded JSON; readers take it when the file's
// own `ronten` fields are gone.

export interface OvaSpan {
  /// UTF-16 offsets into the text.
  start: number;
  end: number;
  nodeID: string;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');

/// The spans that can be written (each nested in or disjoint from the others, in text order),
/// sorted outer first; the rest (crossing an earlier one) are left out.
function nestable(spans: readonly OvaSpan[]): OvaSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: OvaSpan[] = [];
  const open: OvaSpan[] = [];
  for (const s of sorted) {
    while (open.length && open[open.length - 1].end <= s.start) open.pop();
    if (open.length && s.end > open[open.length - 1].end) continue; // crosses the enclosing span
    kept.push(s);
    open.push(s);
  }
  return kept;
}

/// The text as OVA3's HTML with a highlighted span per linkable I-node, and `data` (any JSON
/// value) in the leading data span.
export function ovaHtml(text: string, spans: readonly OvaSpan[], data: unknown): { html: string; linked: Set<string> } {
  const kept = nestable(spans);
  let html = `<span data-ronten="${encodeURIComponent(JSON.stringify(data))}"></span>`;
  let pos = 0;
  const open: OvaSpan[] = [];
  const close = (until: number) => {
    while (open.length && open[open.length - 1].end <= until) {
      const top = open.pop()!;
      html += `${escapeText(text.slice(pos, top.end))}</span>`;
      pos = top.end;
    }
  };
  for (const s of kept) {
    close(s.start);
    html += `${escapeText(text.slice(pos, s.start))}<span class="highlighted" id="node${s.nodeID}">`;
    pos = s.start;
    open.push(s);
  }
  close(Infinity);
  html += escapeText(text.slice(pos));
  return { html, linked: new Set(kept.map((s) => s.nodeID)) };
}

/// The JSON value of the leading data span, or undefined (no span, or not JSON).
export function ovaData(html: string): unknown {
  const m = /<span data-ronten="([^"]*)"/.exec(html);
  if (!m) return undefined;
  try {
    return JSON.parse(decodeURIComponent(m[1]));
  } catch {
    return undefined;
  }
}

/// OVA stores the analysed text as HTML (spans per locution, <br> per line); we want its text.
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
      const lower = e.toLowerCase();
      if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
      if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[lower]!;
    });
}
