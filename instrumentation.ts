// Next runs register() once as the server starts. A RONTEN_MODE that is neither "solo" nor
// "classroom" must stop the server there, with the message from lib/auth/mode.ts, rather than
// surface as a 500 on the first request (or, worse, run a classroom without logins).
import { rontenMode } from './lib/auth/mode';

export function register() {
  rontenMode();
}
