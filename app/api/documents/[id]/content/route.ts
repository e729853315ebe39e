// GET /api/documents/:id/content?v=SHA256 — the document as the editor needs it, fetched by the
// page rather than inlined in it: { text, blocks, lengths } (token boundaries, one character a
// token: lib/tokens/spans.ts). Served from memory (app/_shared/documentWire.ts). Asked for by
// its text's sha256, the answer never changes, so the browser keeps it.
import { documentPartRoute } from '@/app/_shared/documentWire';

export const dynamic = 'force-dynamic';

export const GET = documentPartRoute((wire) => wire.content);
