// The CPU work of a 2,000-row roster import (no database): reading and checking the file,
// drawing and hashing 2,000 one-time passwords — prepareRoster, which the server runs on the
// worker pool, timed here on the calling thread. Run: npx tsx bench/roster.ts
import { performance } from 'node:perf_hooks';
import { newNamePrefix, prepareRoster, ROSTER_MAX_ROWS } from '@/lib/auth/roster';

const file = new TextEncoder().encode(`\ufeff学籍番号,氏名\r\n${Array.from({ length: ROSTER_MAX_ROWS }, (_, i) => `s${String(i).padStart(5, '0')},学生 𠮷田 ${i}`).join('\r\n')}\r\n`);
for (let run = 1; run <= 3; run++) {
  const t0 = performance.now();
  const prepared = prepareRoster({ bytes: file, prefix: newNamePrefix() });
  if (!prepared.ok) throw new Error('the bench roster does not parse');
  console.log(`run ${run}: ${prepared.rows.length} rows read, checked and given hashed one-time passwords in ${(performance.now() - t0).toFixed(1)} ms`);
}
