// Next runs register() once as the server starts. A RONTEN_MODE that is neither "solo" nor
// "classroom", a malformed RONTEN_ORIGIN or RONTEN_TRUSTED_PROXIES must stop the server there,
// with the message from lib/auth/mode.ts or lib/net, rather than surface as a 500 on the first
// request (or, worse, run a classroom without logins).
import { rontenMode } from './lib/auth/mode';
import { serverOrigins } from './lib/net/origins';
import { trustedProxies } from './lib/net/client';

export function register() {
  rontenMode();
  serverOrigins();
  trustedProxies();
}
