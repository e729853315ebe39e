// The worker thread of lib/server/workerPool.ts: plain JavaScript, so that Node runs it as it
// is in every setting (the Next production build, vitest, the tsx CLI); the pool starts it with
// `--import tsx` (as the CLI runs), which loads the TypeScript task table (./tasks.ts, with the project's @/ paths) and answers one message
// { task, input } at a time with { output } or { error }.
import { parentPort } from 'node:worker_threads';
import { register as registerCjs } from 'tsx/cjs/api';
import { register as registerEsm } from 'tsx/esm/api';

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
