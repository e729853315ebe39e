// Typed errors of lib/auth. Route handlers map them to HTTP answers (422, 409, 401, 429, 403);
// messages are safe to show to the person signing in and never say whether a name exists.
// Each carries a `code` and its `params` besides the English message, so that a client words
// it in its own language (the message catalog's `error.<code>`).

export type ProblemParams = Record<string, string | number>;

/// A refusal a person can fix, named for machines and said for people.
export interface Problem {
  code: string;
  params: ProblemParams;
  message: string;
}

export class AuthError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly params: ProblemParams = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/// A user name or password (or display name) that breaks the account rules; `field` names it.
export class InvalidAccountInputError extends AuthError {
  constructor(
    readonly field: 'name' | 'password' | 'displayName' | 'role' | 'joinCode' | 'currentPassword',
    problem: Problem,
  ) {
    super(problem.message, problem.code, problem.params);
  }
}

export class NameTakenError extends AuthError {
  constructor(readonly userName: string) {
    super(`the user name "${userName}" is taken`, 'auth.nameTaken', { name: userName });
  }
}

/// Unknown user and wrong password look the same from outside.
export class InvalidCredentialsError extends AuthError {
  constructor() {
    super('wrong user name or password', 'auth.wrongCredentials');
  }
}

/// What was tried too often: its English words and its catalog code.
const RATE_LIMITS = {
  signIn: { what: 'failed sign-in attempts', code: 'auth.rateLimited' },
  signUp: { what: 'sign-ups from this address', code: 'auth.rateLimitedSignUp' },
  joinCode: { what: 'wrong join codes', code: 'auth.rateLimitedJoinCode' },
  passwordChange: { what: 'wrong current passwords', code: 'auth.rateLimitedPassword' },
} as const;

export class RateLimitedError extends AuthError {
  constructor(
    readonly retryAfterSeconds: number,
    kind: keyof typeof RATE_LIMITS = 'signIn',
  ) {
    const { what, code } = RATE_LIMITS[kind];
    super(`too many ${what}: try again in ${retryAfterSeconds} seconds`, code, { seconds: retryAfterSeconds });
  }
}

export class ForbiddenError extends AuthError {}

/// Demoting the only admin left: the server would have no one to change roles.
export class LastAdminError extends ForbiddenError {
  constructor() {
    super('the last admin cannot stop being admin: make another account admin first', 'auth.lastAdmin');
  }
}


/// Sign-up is switched off by an admin (or needs a join code that was not given).
export class SignUpClosedError extends ForbiddenError {
  constructor() {
    super('sign-up is closed on this server: ask the admin for an account', 'auth.signUpClosed');
  }
}
