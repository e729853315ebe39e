// The worker thread of lib/server/workerPool.ts: plain JavaScript, so that Node runs it as it
// is in every setting (the Next production build, vitest, the tsx CLI); the pool starts it with
// `--import tsx` (as the CLI runs), which loads the TypeScript task table (./tasks.ts, with the project's @/ paths) and answers one message
// { task, input } at a time with { output } or { error }.
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { register as registerCjs } from 'tsx/cjs/api';
import { register as registerEsm } from 'tsx/esm/api';

// Everything run here is heavy background work (argon2id, imports, exports, tokenizing) that
// must not take the CPU from the request thread: the worker lowers its own scheduling priority
// to the lowest (nice 19), so when the cores are busy the class's saves win and this work takes
// what is left (sign-ins queue longer, but finish). On Linux the nice value belongs to the
// thread, and setPriority(0, …) names the calling one, so the server's own thread keeps its
// priority; where that is not so (or not allowed), the worker runs at normal priority.
try {
  os.setPriority(0, os.constants.priority.PRIORITY_LOW);
} catch {}

registerCjs();
registerEsm();
// tsx may compile the table as CommonJS (the project is not "type": "module"): then its exports
// arrive as the default export.
const loaded = await import('./tasks.ts');
const { tasks } = loaded.tasks ? loaded : loaded.default;

parentPort.on('message', async ({ task, input }) => {
  try {
    const output = await tasks[task](input);
    parentPort.postMessage({ output });
  } catch (e) {
    parentPort.postMessage({ error: { name: e?.name ?? 'Error', message: e?.message ?? String(e) } });
  }
});
