// Server settings an admin changes at run time (classroom mode), one row each in `settings`
// (migration 008). A missing row is the default. The only setting so far:
// - `signup`: who may create an account — 'open' (anyone; the default, as before 008), 'code'
//   (only with a course's join code, and the new account joins that course), 'off' (nobody;
//   the admin makes accounts elsewhere or switches it on for a lesson). The very first account
//   (the admin) can always be made.
import type { Db } from './connect';

export const SIGN_UP_MODES = ['open', 'code', 'off'] as const;
export type SignUpMode = (typeof SIGN_UP_MODES)[number];
export const DEFAULT_SIGN_UP_MODE: SignUpMode = 'open';

export function isSignUpMode(value: unknown): value is SignUpMode {
  return typeof value === 'string' && (SIGN_UP_MODES as readonly string[]).includes(value);
}

export async function getSignUpMode(db: Db): Promise<SignUpMode> {
  const row = await db.kysely.selectFrom('settings').select('value').where('key', '=', 'signup').executeTakeFirst();
  return isSignUpMode(row?.value) ? row.value : DEFAULT_SIGN_UP_MODE;
}

export async function setSignUpMode(db: Db, mode: SignUpMode, now = new Date()): Promise<void> {
  const updated_at = now.toISOString();
  await db.kysely
    .insertInto('settings')
    .values({ key: 'signup', value: mode, updated_at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: mode, updated_at }))
    .execute();
}
