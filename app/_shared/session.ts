// Who is asking. In solo mode (the default) everyone is the one local user; classroom accounts
// will plug in here, so every route already asks for the user and checks ownership.
import { ensureLocalUser, getMap, type Db, type StoredMap, type User } from '@/lib/db';
import { HttpError } from './http';

export async function currentUser(db: Db): Promise<User> {
  return ensureLocalUser(db);
}

/// The map, if this user may edit it; otherwise 404 (not 403: others' maps do not exist for them).
export async function ownMap(db: Db, user: User, mapId: string): Promise<StoredMap> {
  const map = await getMap(db, mapId);
  if (!map || map.userId !== user.id) throw new HttpError(404, `argument map "${mapId}" not found`);
  return map;
}
