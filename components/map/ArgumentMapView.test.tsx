// @vitest-environment jsdom
// The map's layout off the main thread, as the view shows it: with no Worker (jsdom) it is laid
// out in place and drawn at once; with a worker, the first layout is announced as being laid out,
// a later one leaves the last drawing up (the new unit appears when its layout arrives), and the
// SVG export waits for the current layout.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { catalog } from '@/lib/i18n/messages';
import type { ArgumentMap } from '@/lib/argument';
import { runLayoutJob, type LayoutJob, type LayoutReply } from '@/lib/argument/layoutScheduler';
import { I18nProvider } from '../I18nProvider';
import { render } from '../testing/render';
import { ArgumentMapView } from './ArgumentMapView';
import { inPlaceBelow } from './useMapLayout';

const labels = [
  { id: 'claim', ja: '主張', en: 'Claim' },
  { id: 'evidence', ja: '根拠', en: 'Evidence' },
];
const text = 'あいうえおかきくけこさしすせそたちつてとなにぬねの'.repeat(20);

/// `n` units, unit i > 0 supporting unit ⌊(i−1)/2⌋ (a binary tree under the main claim u0).
function mapOf(n: number): ArgumentMap {
  const units = Array.from({ length: n }, (_, i) => ({ id: `u${i}`, label: i === 0 ? 'claim' : 'evidence', start: i, end: i + 3, note: '' }));
  const relations = units.slice(1).map((u, i) => ({ id: `r${i}`, type: 'support' as const, from: [u.id], to: `u${Math.floor(i / 2)}`, note: '' }));
  return { units, relations, mainClaimId: 'u0' };
}

const noop = () => {};
let setMap: (map: ArgumentMap) => void = noop;

function Harness({ initial }: { initial: ArgumentMap }) {
  const [map, set] = useState(initial);
  setMap = set;
  return (
    <ArgumentMapView
      title="t"
      text={text}
      map={map}
      labels={labels}
      hints={[]}
      selectedUnitId={null}
      selectedRelationId={null}
      emphasizedIds={new Set()}
      readOnly={false}
      onSelectUnit={noop}
      onSelectRelation={noop}
      onHover={noop}
      onConnect={noop}
      onJumpToUnit={noop}
    />
  );
}

/// A Worker that holds each job until `answerAll` runs it (as the real worker does, through
/// structured clone both ways).
class FakeWorker {
  static all: FakeWorker[] = [];
  onmessage: ((e: { data: LayoutReply }) => void) | null = null;
  onerror: unknown = null;
  onmessageerror: unknown = null;
  jobs: LayoutJob[] = [];
  terminated = false;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(job: LayoutJob) {
    this.jobs.push(structuredClone(job));
  }
  terminate() {
    this.terminated = true;
  }
}

function answerAll() {
  act(() => {
    for (const w of FakeWorker.all) {
      for (const job of w.jobs.splice(0)) if (!w.terminated) w.onmessage?.({ data: structuredClone(runLayoutJob(job)) });
    }
  });
}

const nodeIds = (host: HTMLElement) => [...host.querySelectorAll('[data-unit-id]')].map((n) => n.getAttribute('data-unit-id'));
const frame = (host: HTMLElement) => host.querySelector<HTMLElement>('[data-layout]')!;
/// The status in the frame (the view's notes above it are statuses too).
const layingOut = (host: HTMLElement) => frame(host).querySelector('[role="status"]');

beforeEach(() => {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.all = [];
  setMap = noop;
});

describe('ArgumentMapView layout', () => {
  it('without a Worker, lays the map out in place and draws it at once', () => {
    const host = render(<Harness initial={mapOf(inPlaceBelow * 2)} />, { locale: 'en' });
    expect(nodeIds(host)).toHaveLength(inPlaceBelow * 2);
    expect(frame(host).dataset.layout).toBe('current');
    expect(layingOut(host)).toBeNull();
  });

  it('with a worker: says it is laying out, then draws; a later layout leaves the last drawing up until it arrives', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const big = mapOf(inPlaceBelow);
    const host = render(<Harness initial={big} />, { locale: 'en' });
    expect(FakeWorker.all).toHaveLength(1);
    expect(nodeIds(host)).toEqual([]);
    expect(layingOut(host)!.textContent).toBe('Laying out the argument map…');
    expect(frame(host).dataset.layout).toBe('pending');

    answerAll();
    expect(nodeIds(host)).toHaveLength(big.units.length);
    expect(layingOut(host)).toBeNull();
    expect(frame(host).dataset.layout).toBe('current');

    // One more unit: the drawing stays as it was (the new node not yet placed), quietly noted.
    const more = mapOf(inPlaceBelow + 1);
    act(() => setMap(more));
    expect(nodeIds(host)).toEqual(big.units.map((u) => u.id));
    expect(frame(host).dataset.layout).toBe('pending');
    expect(frame(host).textContent).toContain('Updating the layout…');
    expect(layingOut(host)).toBeNull();

    answerAll();
    expect(nodeIds(host)).toEqual(more.units.map((u) => u.id));
    expect(frame(host).dataset.layout).toBe('current');
    expect(frame(host).textContent).not.toContain('Updating the layout…');
  });

  it('draws a tiny map in place even with a worker', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const host = render(<Harness initial={mapOf(3)} />, { locale: 'ja' });
    expect(nodeIds(host)).toHaveLength(3);
    expect(FakeWorker.all).toEqual([]);
  });

  it('saves the SVG of the current layout: the export waits for it', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const saved: Blob[] = [];
    vi.stubGlobal('URL', Object.assign(class extends URL {}, { createObjectURL: (b: Blob) => (saved.push(b), 'blob:x'), revokeObjectURL: noop }));
    const host = render(<Harness initial={mapOf(inPlaceBelow)} />, { locale: 'en' });
    answerAll();
    act(() => setMap(mapOf(inPlaceBelow + 1)));
    const button = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Save SVG')!;
    await act(async () => button.click());
    expect(saved).toEqual([]); // the drawing lacks the new unit: not saved yet
    answerAll();
    await act(async () => {});
    expect(saved).toHaveLength(1);
    const svg = await saved[0].text();
    expect(svg).toContain(`data-unit-id="u${inPlaceBelow}"`);
  });

  it('stops its worker when the map closes', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const host = document.body.appendChild(document.createElement('div'));
    const root = createRoot(host);
    act(() =>
      root.render(
        <I18nProvider locale="en" messages={catalog.en}>
          <Harness initial={mapOf(inPlaceBelow)} />
        </I18nProvider>,
      ),
    );
    const [worker] = FakeWorker.all;
    expect(worker.jobs).toHaveLength(1);
    expect(worker.terminated).toBe(false);
    act(() => root.unmount());
    expect(worker.terminated).toBe(true);
    host.remove();
  });
});
