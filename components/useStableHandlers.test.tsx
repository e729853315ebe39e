// @vitest-environment jsdom
// Stable handlers: one identity for the life of the component, and a call always runs the
// handler of the latest render — what lets the memoized list and map skip the workspace's renders
// without calling stale code.
import { describe, expect, it } from 'vitest';
import { act, memo, useState } from 'react';
import { render } from './testing/render';
import { useStableHandlers } from './useStableHandlers';

describe('useStableHandlers', () => {
  it('keeps its identity and runs the latest render’s handler', () => {
    const seen: Array<(n: number) => string> = [];
    let childRenders = 0;
    let bump = () => {};
    const Child = memo(function Child({ onPick }: { onPick: (n: number) => string }) {
      childRenders++;
      seen.push(onPick);
      return null;
    });
    function Parent() {
      const [count, setCount] = useState(0);
      bump = () => setCount((c) => c + 1);
      const handlers = useStableHandlers({ pick: (n: number) => `${n} at render ${count}` });
      return <Child onPick={handlers.pick} />;
    }
    render(<Parent />);
    act(() => bump());
    act(() => bump());
    // The memoized child rendered once: the handler it holds never changed…
    expect(childRenders).toBe(1);
    // …and calling it reaches the newest closure, which sees count 2.
    expect(seen[0](7)).toBe('7 at render 2');
  });
});
