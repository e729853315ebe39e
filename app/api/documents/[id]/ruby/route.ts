// GET /api/documents/:id/ruby?v=SHA256 — the furigana of the document: { ruby: [start, end,
// grade, reading][] }, one row per word written with kanji (lib/tokens/ruby.ts), with the school
// grade of its hardest kanji so that the browser can show readings beyond a grade without the
// grade list. Fetched when a reader turns furigana on; immutable per text (v).
import { documentPartRoute, rubyBytes } from '@/app/_shared/documentWire';

export const dynamic = 'force-dynamic';

export const GET = documentPartRoute(rubyBytes);
