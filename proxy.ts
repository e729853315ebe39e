// Next runs this before every route and page (Next 16's name for middleware). It only refuses
// addresses no route can serve (app/_shared/paths.ts): 400 in the API's JSON shape, and the
// not-found page for pages.
import { NextResponse, type NextRequest } from 'next/server';
import { malformedPath } from '@/app/_shared/paths';

export function proxy(request: NextRequest) {
  const problem = malformedPath(request.url);
  if (!problem) return NextResponse.next();
  if (new URL(request.url).pathname.startsWith('/api/')) return NextResponse.json({ error: problem }, { status: 400 });
  return NextResponse.rewrite(new URL('/_malformed-address', request.url), { status: 404 });
}

export const config = { matcher: ['/((?!_next/static|_next/image).*)'] };
