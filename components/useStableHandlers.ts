'use client';
// Event handlers that keep one identity across renders and always run the latest render's
// version. Handed to memoized views (the unit list, the map), they let a view skip every render
// in which only the handlers were made anew: the workspace re-renders on each key, and the list
// and map must then cost nothing.
import { useInsertionEffect, useRef, useState } from 'react';

/// An object of functions of any signature (`any`: the wrappers pass arguments through).
type Handlers<T> = { [K in keyof T]: (...args: any[]) => unknown };

export function useStableHandlers<T extends Handlers<T>>(handlers: T): T {
  const latest = useRef(handlers);
  // Before any layout effect: a child's effect calling a handler gets this render's version.
  useInsertionEffect(() => {
    latest.current = handlers;
  });
  const [stable] = useState(
    () => Object.fromEntries(Object.keys(handlers).map((key) => [key, (...args: unknown[]) => latest.current[key as keyof T](...args)])) as T,
  );
  return stable;
}
