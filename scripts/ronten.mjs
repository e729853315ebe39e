#!/usr/bin/env node
// The `ronten` bin: runs the TypeScript CLI through tsx from the repository root (where the
// database, the corpus and the kuromoji dictionary are found), keeping the caller's directory
// for file arguments.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/cli.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, RONTEN_CALLER_CWD: process.cwd() },
});
process.exit(result.status ?? 1);
