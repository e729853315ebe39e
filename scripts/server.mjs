// The production server (`npm start`, the e2e and bench servers): Next's request handler behind
// a plain node:http server, for one reason — Next's route handlers cannot see the socket, and
// the socket's peer is the only client address nobody can forge (X-Forwarded-For is whatever the
// client wrote, unless a proxy we trust wrote it; lib/net/client.ts decides that).
//
// Each request gets `x-ronten-peer: <token> <address> <tls|tcp>`, overwriting any the client
// sent; the token is a random secret of this process (RONTEN_PEER_TOKEN), so the app ignores
// the header when some other server (plain `next start`) passes a client's copy through.
//
// Usage: node scripts/server.mjs [--port PORT] [--host HOST]   (defaults: $PORT or 3000, 127.0.0.1)
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(option('--port') ?? process.env.PORT ?? 3000);
const hostname = option('--host') ?? '127.0.0.1';
// The app's default origins (lib/net/origins.ts) are built from PORT.
process.env.PORT = String(port);
process.env.RONTEN_PEER_TOKEN = randomBytes(24).toString('base64url');

const app = next({ dev: false, hostname, port, dir: path.join(path.dirname(fileURLToPath(import.meta.url)), '..') });
const handle = app.getRequestHandler();
await app.prepare();

// A stop asked for (SIGTERM from a supervisor, Ctrl+C) is a normal exit, so that exit hooks run
// (node --cpu-prof writes its profile then: the storm's STORM_PROFILE_DIR).
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => process.exit(0));

createServer((req, res) => {
  const tls = req.socket.encrypted ? 'tls' : 'tcp';
  req.headers['x-ronten-peer'] = `${process.env.RONTEN_PEER_TOKEN} ${req.socket.remoteAddress ?? ''} ${tls}`;
  handle(req, res);
}).listen(port, hostname, () => {
  console.log(`ronten: listening on http://${hostname}:${port}`);
});
