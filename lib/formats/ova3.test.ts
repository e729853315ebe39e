// Our AIF export in OVA3's own loader (its functions, vendored in __fixtures__/ova3/, run in
// jsdom with drawing and server calls stubbed): every I-node is linked to its passage in the text
// (none marked, no alert), an empty map opens, and what OVA3 saves back imports as the same map —
// units, labels, relations, main claim, notes and comments — without asking for acceptance.
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { importAnnotated, serializeAif } from '.';
import { deepMap, EXPORTED_AT, loadEssay, makeLargeMap, smallMap } from './test-fixtures';
import type { AnnotatedMap } from './types';
import { textUnits } from '@/lib/argument/types';

const loader = fs.readFileSync(path.join(__dirname, '__fixtures__/ova3/ova3-loader.js'), 'utf8');

// What the loader calls beyond itself: OVA3's globals, jQuery (the few calls it makes), drawing
// and posting to OVA3's server (no-ops), alert (recorded).
const stubs = `
var nodes = [], edges = [], participants = [], alerts = [];
var SVGRoot = { removeChild() {}, appendChild() {} }, SVGRootG = {};
var dialogicalMode = false, lastedit = 0;
window.nodeCounter = 0; window.edgeCounter = 0; window.textCounter = 0; window.groupID = 1;
window.sessionid = 's1'; window.analysisID = 1; window.afirstname = 'Ova'; window.asurname = 'User';
window.alert = (m) => alerts.push(String(m));
function postEdit() {}
function DrawNode() {} function DrawEdge() {} function UpdateEdge() {} function DrawTimestamp() {} function updateTimestamp() {}
function $(selector) {
  if (typeof selector === 'string' && selector.startsWith('<')) return document.createElement(selector.replace(/[<\\/>]/g, ''));
  const el = document.querySelector(selector);
  return {
    html(value) { if (value === undefined) return el.innerHTML; el.innerHTML = value; return this; },
    append(child) { if (child instanceof window.Node) el.appendChild(child); return this; },
  };
}
$.post = () => { const p = Promise.resolve('{"last":1}'); p.done = (f) => { p.then(f); return p; }; return p; };
`;

function ova3() {
  const dom = new JSDOM('<div id="left1"><div id="analysis_text">Enter your text here...</div></div><iframe id="extside"></iframe><select id="p_select"></select>', {
    url: 'https://ova.arg.tech/analyse.php',
    runScripts: 'outside-only',
  });
  dom.window.eval(`${stubs}\n${loader}`);
  return dom.window as unknown as {
    loadFile(json: string, multi: boolean): Promise<boolean>;
    genjson(): string;
    nodes: Array<{ nodeID: string; type: string; marked: boolean }>;
    alerts: string[];
  };
}

async function throughOva3(map: AnnotatedMap) {
  const ova = ova3();
  const loaded = await ova.loadFile(JSON.stringify(serializeAif(map, { exportedAt: EXPORTED_AT })), false);
  return { ova, loaded, saved: JSON.parse(ova.genjson()) };
}

describe('AIF in OVA3', () => {
  it('the small map: every I-node linked, no alert; OVA3’s save imports back as the same map without acceptance', async () => {
    const map = smallMap();
    const { ova, loaded, saved } = await throughOva3(map);
    expect(loaded).toBe(true);
    expect(ova.alerts).toEqual([]);
    expect(ova.nodes.filter((n) => n.type === 'I')).toHaveLength(map.map.units.length);
    expect(ova.nodes.filter((n) => n.marked)).toEqual([]);
    expect(saved.ronten).toBeUndefined(); // OVA3 drops fields it does not know…
    const back = importAnnotated(saved, { format: 'aif', document: map.document, labels: map.labels });
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.needsAcceptance).toBe(false); // …and what rides in the text brings them back.
    expect(back.value.map).toEqual(map.map);
    expect(back.value.comments).toEqual(map.comments);
  });

  it('the deeper model: OVA3 loads one RA with three premises, CAs aimed at S-nodes, implicit I-nodes, a named scheme; its save imports back as the same map', async () => {
    const map = deepMap();
    const { ova, loaded, saved } = await throughOva3(map);
    expect(loaded).toBe(true);
    // OVA3 (monological) marks an I-node it cannot link to the text, and says so once: here
    // exactly the implicit units, which are in no passage ("unmark" is OVA3's way to say so).
    expect(ova.alerts).toHaveLength(1);
    const implicitNodes = (serializeAif(map, { exportedAt: EXPORTED_AT }).AIF.nodes as Array<{ nodeID: string; ronten?: { implicit?: boolean } }>).filter((n) => n.ronten?.implicit).map((n) => n.nodeID);
    expect(ova.nodes.filter((n) => n.marked).map((n) => n.nodeID).sort()).toEqual(implicitNodes.sort());
    expect(ova.nodes.filter((n) => n.type === 'I')).toHaveLength(map.map.units.length);
    const byId = new Map((saved.AIF.nodes as Array<{ nodeID: string; type: string; text: string }>).map((n) => [String(n.nodeID), n]));
    const example = [...byId.values()].find((n) => n.type === 'RA' && n.text === 'Example')!;
    const edges = saved.AIF.edges as Array<{ fromID: string; toID: string }>;
    expect(edges.filter((e) => String(e.toID) === String(example.nodeID) && byId.get(String(e.fromID))?.type === 'I')).toHaveLength(3);
    expect(edges.some((e) => String(e.toID) === String(example.nodeID) && byId.get(String(e.fromID))?.type === 'CA')).toBe(true);
    const back = importAnnotated(saved, { format: 'aif', document: map.document, labels: map.labels });
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.needsAcceptance).toBe(false);
    expect(back.value.map).toEqual(map.map);
  });

  it('the essay with 25 units: only units crossing another are unlinked, and the save still imports exactly', async () => {
    const { document, boundaries } = await loadEssay();
    const map = makeLargeMap(document, boundaries, { units: 25, relations: 30 });
    const units = textUnits(map.map.units);
    const crossing = units.filter((a) => units.some((b) => (b.start < a.start && a.start < b.end && b.end < a.end) || (a.start < b.start && b.start < a.end && a.end < b.end)));
    const { ova, saved } = await throughOva3(map);
    const marked = ova.nodes.filter((n) => n.marked).length;
    expect(marked).toBeLessThanOrEqual(crossing.length);
    expect(ova.alerts).toHaveLength(marked ? 1 : 0);
    const back = importAnnotated(saved, { format: 'aif', document: map.document, labels: map.labels });
    if (!back.ok) throw new Error(JSON.stringify(back.errors.slice(0, 3)));
    expect(back.needsAcceptance).toBe(false);
    expect(back.value.map).toEqual(map.map);
  }, 60_000);

  it('a file exported before (plain text, fields only in ronten) still imports to the same map', () => {
    const map = smallMap();
    const old = fs.readFileSync(path.join(__dirname, '__fixtures__/aif/small-before-issue18.aif.json'), 'utf8');
    const back = importAnnotated(old, { format: 'aif', document: map.document, labels: map.labels });
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.needsAcceptance).toBe(false);
    expect(back.value.map).toEqual(map.map);
  });

  it('an empty map opens in OVA3 (no crash, no alert)', async () => {
    const map = { ...smallMap(), map: { units: [], relations: [], mainClaimId: null }, comments: [] };
    const { ova, loaded, saved } = await throughOva3(map);
    expect(loaded).toBe(true);
    expect(ova.alerts).toEqual([]);
    const back = importAnnotated(saved, { format: 'aif', document: map.document, labels: map.labels });
    expect(back.ok && back.value.map.units).toEqual([]);
  });

  it('the file has IAT’s dialogue layer: an L-node said by the author and a YA Asserting per I-node', () => {
    const file = serializeAif(smallMap(), { exportedAt: EXPORTED_AT });
    const byId = new Map(file.AIF.nodes.map((n) => [n.nodeID, n]));
    for (const i of file.AIF.nodes.filter((n) => n.type === 'I')) {
      const ya = file.AIF.edges.filter((e) => e.toID === i.nodeID).map((e) => byId.get(e.fromID)!).find((n) => n.type === 'YA')!;
      expect(ya.text).toBe('Asserting');
      const l = byId.get(file.AIF.edges.find((e) => e.toID === ya.nodeID)!.fromID)!;
      expect(l).toMatchObject({ type: 'L', text: `Author 筆者: ${i.text}` });
      expect(file.AIF.locutions).toContainEqual({ nodeID: l.nodeID, personID: 1, start: null, end: null });
    }
    expect(file.AIF.nodes.filter((n) => n.type === 'YA').map((n) => n.text).sort()).toEqual(['Arguing', 'Asserting', 'Asserting', 'Asserting', 'Asserting', 'Asserting', 'Disagreeing', 'Disagreeing']);
  });
});
