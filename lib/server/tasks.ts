// The work that runs on the worker threads of ./workerPool, as one table: name → function of
// plain data. Each entry is a thin wrapper around the library function that does the work, so
// the result is the same as calling that function in the request (workerPool.test.ts compares).
// The formats and the tokenizer are imported on first use, so that a worker that only hashes
// passwords starts quickly (and only a worker that tokenized holds kuromoji's dictionary).
//
// Loaded inside the worker only (./worker.mjs, through tsx); the pool imports just its types.
import { argon2Hash, argon2Verify } from '@/lib/auth/password';
import type { ClassArchiveInput } from '@/lib/formats/classArchive';
import type { ImportRequestInput } from './importRequest';
import type { Reflow } from '@/lib/text/types';

export const tasks = {
  hashPassword: argon2Hash,
  verifyPassword: ({ password, phc }: { password: string; phc: string }) => argon2Verify(password, phc),
  importRequest: async (input: ImportRequestInput) => (await import('./importRequest')).importRequest(input),
  prepareDocument: async (input: { source: string; reflow: Reflow }) => (await import('@/lib/corpus/importText')).prepareDocument(input),
  classArchive: async (input: ClassArchiveInput) => (await import('@/lib/formats/classArchive')).classArchive(input),
  prepareRoster: async (input: { bytes: Uint8Array; prefix: string }) => (await import('@/lib/auth/roster')).prepareRoster(input),
};

export type TaskName = keyof typeof tasks;
export type TaskInput<K extends TaskName> = Parameters<(typeof tasks)[K]>[0];
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<(typeof tasks)[K]>>;
