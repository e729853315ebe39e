// Rendering React into jsdom for component tests: each render gets a root in a fresh element,
// unmounted and removed after the test, and React is told it runs under act(). Optionally
// inside the I18nProvider with one locale's messages.
import { afterEach } from 'vitest';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { catalog, type Locale } from '@/lib/i18n/messages';
import { I18nProvider } from '../I18nProvider';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let mounted: Array<{ root: Root; host: HTMLElement }> = [];

afterEach(() => {
  for (const { root, host } of mounted) {
    act(() => root.unmount());
    host.remove();
  }
  mounted = [];
});

/// Renders `ui` (in `locale`'s I18nProvider when one is given); answers the host element.
export function render(ui: ReactNode, { locale }: { locale?: Locale } = {}): HTMLElement {
  const host = document.body.appendChild(document.createElement('div'));
  const root = createRoot(host);
  mounted.push({ root, host });
  act(() =>
    root.render(
      locale ? (
        <I18nProvider locale={locale} messages={catalog[locale]}>
          {ui}
        </I18nProvider>
      ) : (
        ui
      ),
    ),
  );
  return host;
}
