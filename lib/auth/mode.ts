// Which way this server runs, from RONTEN_MODE:
//   unset / '' / 'solo' → 'solo': one local user, no login (the default; SQLite is typical)
//   'classroom'         → accounts, sessions and roles (PostgreSQL is typical)
// Any other value is a configuration mistake: it throws with a message that says what is
// allowed, rather than silently running a classroom server without logins.

export type RontenMode = 'solo' | 'classroom';

export function rontenMode(value: string | undefined = process.env.RONTEN_MODE): RontenMode {
  const mode = (value ?? '').trim().toLowerCase();
  if (mode === '' || mode === 'solo') return 'solo';
  if (mode === 'classroom') return 'classroom';
  throw new Error(`RONTEN_MODE="${value}" is not a mode: use "solo" (the default) or "classroom"`);
}

