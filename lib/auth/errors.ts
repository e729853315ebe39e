// Typed errors of lib/auth. Route handlers map them to HTTP answers (422, 409, 401, 429, 403);
// messages are safe to show to the person signing in and never say whether a name exists.

export class AuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/// A user name or password (or display name) that breaks the account rules; `field` names it.
export class InvalidAccountInputError extends AuthError {
  constructor(
    readonly field: 'name' | 'password' | 'displayName' | 'role' | 'joinCode',
    message: string,
  ) {
    super(message);
  }
}

export class NameTakenError extends AuthError {
  constructor(readonly userName: string) {
    super(`the user name "${userName}" is taken`);
  }
}

/// Unknown user and wrong password look the same from outside.
export class InvalidCredentialsError extends AuthError {
  constructor() {
    super('wrong user name or password');
  }
}

export class RateLimitedError extends AuthError {
  constructor(
    readonly retryAfterSeconds: number,
    what = 'failed sign-in attempts',
  ) {
    super(`too many ${what}: try again in ${retryAfterSeconds} seconds`);
  }
}

export class ForbiddenError extends AuthError {}

/// Demoting the only admin left: the server would have no one to change roles.
export class LastAdminError extends ForbiddenError {
  constructor() {
    super('the last admin cannot stop being admin: make another account admin first');
  }
}


/// Sign-up is switched off by an admin (or needs a join code that was not given).
export class SignUpClosedError extends ForbiddenError {}
