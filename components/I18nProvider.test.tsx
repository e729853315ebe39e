// @vitest-environment jsdom
// `t` and what is built on it keep their identity across renders: the memoized unit list and
// map skip the workspace's render on each key only while their props stay the same objects.
import { describe, expect, it } from 'vitest';
import { act, useState } from 'react';
import { catalog } from '@/lib/i18n/messages';
import { useT } from './I18nProvider';
import { useFeedback } from './annotate/Comments';
import { render } from './testing/render';

describe('useT', () => {
  it('gives the same t, and the same comment feedback, on every render of one locale', () => {
    const ts: unknown[] = [];
    const feedbacks: unknown[] = [];
    let bump = () => {};
    const comments = { mapId: 'm1', viewerId: 'me', initial: [] };
    function Probe() {
      const [, setCount] = useState(0);
      bump = () => setCount((c) => c + 1);
      ts.push(useT());
      feedbacks.push(useFeedback(comments));
      return null;
    }
    render(<Probe />, { locale: 'ja' });
    act(() => bump());
    act(() => bump());
    expect(ts).toHaveLength(3);
    expect(new Set(ts).size).toBe(1);
    expect(new Set(feedbacks).size).toBe(1);
    expect((ts[0] as ReturnType<typeof useT>)('annotate.undo')).toBe(catalog.ja['annotate.undo']);
  });
});
