'use client';
// Whether readings are also shown in rōmaji (an option of the English UI): one preference per
// browser, in localStorage, shared by every component that reads it (the switch in the header,
// the word tooltip) through useSyncExternalStore, so flipping it updates them at once.
import { useSyncExternalStore } from 'react';

const key = 'ronten.romaji';
const event = 'ronten:romaji';

function subscribe(onChange: () => void): () => void {
  window.addEventListener(event, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(event, onChange);
    window.removeEventListener('storage', onChange);
  };
}

const read = () => {
  try {
    return window.localStorage.getItem(key) === '1';
  } catch {
    return false; // storage refused (privacy mode): the option is off
  }
};

export function useRomaji(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, read, () => false);
  const set = (next: boolean) => {
    try {
      window.localStorage.setItem(key, next ? '1' : '0');
    } catch {
      // storage refused: the option cannot be kept, and stays off
    }
    window.dispatchEvent(new Event(event));
  };
  return [on, set];
}
