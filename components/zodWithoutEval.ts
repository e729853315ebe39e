// In the browser, zod must not try `Function("")` to see whether it may compile its object
// parsers (it catches the failure, but the browser still reports a CSP violation: script-src has
// no 'unsafe-eval', see app/_shared/securityHeaders.ts). Imported for its effect by
// I18nProvider, which every page loads before any form parses anything. The server keeps zod's
// compiled parsers: this runs only where there is a window.
import { z } from 'zod';

if (typeof window !== 'undefined') z.config({ jitless: true });
