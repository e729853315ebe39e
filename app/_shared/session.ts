// Who is asking, and may they. In solo mode (the default) everyone is the one local user and
// there is no login. In classroom mode (RONTEN_MODE=classroom) the user comes from the
// `ronten_session` cookie, a server-side session (lib/auth); no live session → 401.
//
// Route handlers pass their Request (currentUser(db, request)): the cookie is read from it,
// which also lets tests call handlers directly. Server components call currentUser(db), which
// reads the cookie through next/headers.
import { CourseArchivedError, ensureLocalUser, getMap, mapOwner, referenceCoursesOf, teachesStudentOnDocument, type Db, type StoredMap, type User, type UserRole } from '@/lib/db';
import { SESSION_MAX_MS, sessionForWrite, sessionUser } from '@/lib/auth/accounts';
import { rontenMode } from '@/lib/auth/mode';
import { redirect } from 'next/navigation';
import { hostIsHttps, originAllowed, serverOrigins } from '@/lib/net/origins';
import { requestClient } from '@/lib/net/client';
import { HttpError, notFound } from './http';

export const SESSION_COOKIE = 'ronten_session';

/// The signed-in user; 401 without a session. An account still on the one-time password of its
/// roster slip gets 403 `auth.passwordChangeRequired` everywhere but where `pendingPassword:
/// 'allow'` is passed (changing the password, asking who one is).
export async function currentUser(db: Db, request?: Request, opts: { pendingPassword?: 'allow' } = {}): Promise<User> {
  return admitted(await sessionUserOf(db, request), opts);
}

function admitted(user: User | null, opts: { pendingPassword?: 'allow' } = {}): User {
  if (!user) throw new HttpError(401, 'not signed in (or the session has expired): sign in first', { code: 'auth.signedOut', params: {} });
  if (user.mustChangePassword && opts.pendingPassword !== 'allow') {
    throw new HttpError(403, 'choose your own password first (the one-time password only lets you do that)', { code: 'auth.passwordChangeRequired', params: {} });
  }
  return user;
}

/// Who may write to the map, as currentUser and assertMayEditMap decide, for the autosave: the
/// session (its id, in classroom mode) that the write must check is still alive, since the owner
/// of a map saving it is answered from what this process remembers of their session
/// (lib/auth sessionForWrite). Anyone else — an instructor curating a reference — is looked up
/// afresh.
export async function mapWriter(db: Db, request: Request, mapId: string): Promise<{ session?: string }> {
  if (rontenMode() === 'solo') {
    await assertMayEditMap(db, await ensureLocalUser(db), mapId);
    return {};
  }
  const token = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
  const session = await sessionForWrite(db, token);
  const user = admitted(session?.user ?? null);
  if ((await mapOwner(db, mapId))?.userId !== user.id) await assertMayEditMap(db, await currentUser(db, request), mapId);
  return { session: session!.id };
}

async function sessionUserOf(db: Db, request?: Request): Promise<User | null> {
  if (rontenMode() === 'solo') return ensureLocalUser(db);
  const token = request ? readCookie(request.headers.get('cookie'), SESSION_COOKIE) : await cookieFromNextHeaders();
  return sessionUser(db, token);
}

/// The signed-in user, or null (classroom mode without a live session). For the page shell:
/// also a user who still has to choose a password (the header shows who is signed in).
export async function optionalUser(db: Db): Promise<User | null> {
  return sessionUserOf(db);
}

/// For pages: the user, or — in classroom mode without a session — off to sign in, coming back
/// to `path` afterwards; a user on a one-time password goes to choose their own first.
export async function pageUser(db: Db, path: string): Promise<User> {
  const user = await optionalUser(db);
  if (!user) redirect(`/signin?next=${encodeURIComponent(path)}`);
  if (user.mustChangePassword) redirect(`/account/password?next=${encodeURIComponent(path)}`);
  return user;
}

/// Whether the user has one of `roles`. The solo local user may do everything.
export function hasRole(user: User, ...roles: UserRole[]): boolean {
  return user.role === 'local' || roles.includes(user.role);
}

/// 403 unless the user has one of `roles` (hasRole).
export function requireRole(user: User, ...roles: UserRole[]): User {
  if (hasRole(user, ...roles)) return user;
  throw new HttpError(403, `this needs the role ${roles.join(' or ')}; you are ${user.role}`, { code: 'auth.roleNeeded', params: { roles: roles.join(' / '), role: user.role } });
}

/// The map, if this user may edit it; otherwise 404 (not 403: others' maps do not exist for them).
export async function ownMap(db: Db, user: User, mapId: string): Promise<StoredMap> {
  const map = await getMap(db, mapId);
  if (!map || map.userId !== user.id) throw notFound('argument map', mapId);
  return map;
}

/// The autosave route's check, without loading the map (the owner is cached per map): the owner
/// edits their map; so do the instructors of a course in which it is an assignment's reference
/// (co-instructors curate the reference as its owner does; an admin as instructor of every
/// course) — refused with CourseArchivedError (423) when every such course is archived. Anyone
/// else: 404. Importing a whole file over a map stays the owner's (ownMap).
export async function assertMayEditMap(db: Db, user: User, mapId: string): Promise<void> {
  const owner = await mapOwner(db, mapId);
  if (owner && owner.userId === user.id) return;
  const courses = owner ? await teachingReference(db, user, mapId) : [];
  if (courses.length === 0) throw notFound('argument map', mapId);
  const active = courses.find((c) => c.archivedAt === null);
  if (!active) throw new CourseArchivedError(courses[0].id, courses[0].title);
}

/// The courses the user teaches in which the map is an assignment's reference (none for students).
async function teachingReference(db: Db, user: User, mapId: string) {
  if (user.role !== 'admin' && user.role !== 'instructor') return [];
  return referenceCoursesOf(db, mapId, user.role === 'admin' ? null : user.id);
}

/// The map, if this user may read it; otherwise 404. Readers: the owner; an instructor of a
/// course that has an assignment on the map's document and in which the owner is enrolled as a
/// student, or in which the map is an assignment's reference; an admin, under the same
/// conditions for some course. Editing: ownMap, assertMayEditMap.
export async function readableMap(db: Db, user: User, mapId: string): Promise<StoredMap> {
  const map = await getMap(db, mapId);
  if (map && map.userId === user.id) return map;
  if (map && (user.role === 'admin' || user.role === 'instructor')) {
    if (await teachesStudentOnDocument(db, user.role === 'admin' ? null : user.id, map.userId, map.documentId)) return map;
    if ((await teachingReference(db, user, mapId)).length > 0) return map;
  }
  throw notFound('argument map', mapId);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/// Refuses (403) a mutation sent from another site: the Origin (or, without one, the Referer)
/// must be one of this server's configured origins (RONTEN_ORIGIN, lib/net/origins.ts) —
/// never the request's own Host, which the sender chooses. Browsers always send Origin on
/// cross-site POSTs, so a request with neither is not from a browser form or fetch: classroom
/// mode still refuses it (its clients are browsers); solo mode lets it through for the CLI,
/// scripts and tests.
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const source = request.headers.get('origin') ?? request.headers.get('referer');
  if (source === null) {
    if (rontenMode() === 'solo') return;
    throw new HttpError(403, 'cross-site request refused: the request has neither an Origin nor a Referer header', { code: 'request.crossSite', params: {} });
  }
  if (!originAllowed(source)) {
    let from = 'an unknown origin';
    try {
      from = new URL(source).origin;
    } catch {}
    throw new HttpError(403, `cross-site request refused: it comes from ${from}, not from ${serverOrigins().list.join(' or ')}`, { code: 'request.crossSite', params: {} });
  }
}

/// The Set-Cookie value that stores a session token: httpOnly, SameSite=Lax, Path=/, Secure
/// when the request came over https (isHttps).
export function sessionCookie(request: Request, token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${Math.floor(SESSION_MAX_MS / 1000)}${isHttps(request) ? '; Secure' : ''}`;
}

/// The Set-Cookie value that removes the session cookie.
export function clearedSessionCookie(request: Request): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${isHttps(request) ? '; Secure' : ''}`;
}

/// The session token a request carries, if any.
export function sessionToken(request: Request): string | null {
  return readCookie(request.headers.get('cookie'), SESSION_COOKIE);
}

/// Cookies are Secure when the origin the request came to is https (RONTEN_ORIGIN), or a
/// trusted proxy says the client used https.
function isHttps(request: Request): boolean {
  return hostIsHttps(request.headers.get('host')) || requestClient(request).https;
}

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

async function cookieFromNextHeaders(): Promise<string | null> {
  const { cookies } = await import('next/headers');
  return (await cookies()).get(SESSION_COOKIE)?.value ?? null;
}
