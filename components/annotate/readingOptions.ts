'use client';
// The reader's reading aids, remembered per user in this browser (localStorage: the choice is
// about the reader's eyes and hands, not the document, and needs no account): selection
// precision (phrases, the default, or morphemes) and furigana (off by default; for all kanji
// words or only those with kanji beyond a school grade) and vertical writing (縦書き, off by
// default: the text in columns read right to left, as school texts print it). One store, read by the toggles
// (ReadingOptions.tsx) and the essay (AnnotatedEssay.tsx).
import { useSyncExternalStore } from 'react';
import type { Precision } from '../editor/extensions/token-layer';

export interface ReadingOptions {
  precision: Precision;
  furigana: boolean;
  /// Readings for words whose hardest kanji is of a grade above this: 0 all kanji words, 1–6 a
  /// primary-school grade, 7 the jōyō kanji (readings for kanji outside the list only).
  furiganaAbove: number;
  /// 縦書き: the essay in vertical-rl columns, its pane scrolled sideways.
  vertical: boolean;
}

export const defaultReadingOptions: ReadingOptions = { precision: 'phrase', furigana: false, furiganaAbove: 0, vertical: false };

const KEY = 'ronten:reading-options';
const listeners = new Set<() => void>();
let current: ReadingOptions | null = null;

function read(): ReadingOptions {
  if (current) return current;
  let stored: Partial<ReadingOptions> = {};
  try {
    stored = JSON.parse(window.localStorage.getItem(KEY) ?? '{}') as Partial<ReadingOptions>;
  } catch {
    // Unreadable or blocked storage: the defaults.
  }
  current = {
    precision: stored.precision === 'morpheme' ? 'morpheme' : 'phrase',
    furigana: stored.furigana === true,
    vertical: stored.vertical === true,
    furiganaAbove: Number.isInteger(stored.furiganaAbove) && stored.furiganaAbove! >= 0 && stored.furiganaAbove! <= 7 ? stored.furiganaAbove! : 0,
  };
  return current;
}

/// The options now (the defaults on the server).
export function readingOptions(): ReadingOptions {
  return typeof window === 'undefined' ? defaultReadingOptions : read();
}

export function setReadingOptions(change: Partial<ReadingOptions>) {
  current = { ...read(), ...change };
  try {
    window.localStorage.setItem(KEY, JSON.stringify(current));
  } catch {
    // Private mode or a full quota: the choice holds for this page only.
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useReadingOptions(): ReadingOptions {
  return useSyncExternalStore(subscribe, readingOptions, () => defaultReadingOptions);
}
