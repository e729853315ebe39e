// The ronten command line: `npm run cli -- <command>` or the `ronten` bin. It reads the same
// DATABASE_URL as the app. Input problems print one line on stderr and exit 2, writing nothing.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDb, listDocuments, getDocument, migrateToLatest, type Db } from '@/lib/db';
import { decodeSourceFile, SourceFileError } from '@/lib/corpus/sourceFile';
import { importText, prepareText } from '@/lib/corpus/importText';
import { seedCorpus } from '@/lib/corpus/seed';
import type { Reflow } from '@/lib/text/types';

const usage = `usage: ronten <command> [options]

commands:
  import-text FILE [--title T] [--reflow auto|on|off]   import a UTF-8 .txt; prints the new document id
  docs [--json]                                          list documents
  tokens DOC_ID|FILE [--reflow auto|on|off]              print {"text", "tokens"} as JSON (a FILE is not stored)
  migrate                                                apply database migrations
  seed                                                   import the corpus/ texts not yet in the database

environment:
  DATABASE_URL   postgres://… for PostgreSQL, file:PATH for another SQLite file (default data/ronten.sqlite)`;

class UsageError extends Error {}

// The bin runs us from the repository root; file arguments are relative to where the user was.
const callerCwd = process.env.RONTEN_CALLER_CWD ?? process.cwd();
const resolveArg = (file: string) => path.resolve(callerCwd, file);

function reflowOption(value: string | undefined): Reflow {
  if (value === undefined) return 'auto';
  if (value === 'auto' || value === 'on' || value === 'off') return value;
  throw new UsageError(`--reflow must be auto, on or off (got "${value}")`);
}

async function readSource(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(resolveArg(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${file}: no such file` : code === 'EISDIR' ? `${file} is a directory` : `${file}: ${(e as Error).message}`);
  }
  return decodeSourceFile(bytes, file);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(resolveArg(file))).isFile();
  } catch {
    return false;
  }
}

type Command = (args: string[], db: () => Promise<Db>) => Promise<void>;

const commands: Record<string, Command> = {
  async 'import-text'(args, db) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { title: { type: 'string' }, reflow: { type: 'string' } } });
    if (positionals.length !== 1) throw new UsageError('import-text takes exactly one FILE');
    const [file] = positionals;
    const reflow = reflowOption(values.reflow);
    const source = await readSource(file);
    const title = values.title ?? path.basename(file).replace(/\.[^.]+$/, '');
    const id = await importText(await db(), { title, source, reflow, origin: `imported from ${path.basename(file)}` });
    process.stdout.write(`${id}\n`);
  },

  async docs(args, db) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
    const docs = await listDocuments(await db());
    if (values.json) {
      process.stdout.write(`${JSON.stringify(docs.map(({ id, title, length, maps }) => ({ id, title, length, maps })), null, 2)}\n`);
      return;
    }
    for (const d of docs) process.stdout.write(`${d.id}\t${d.title}\t${d.length} chars\t${d.maps} maps\n`);
  },

  async tokens(args, db) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { reflow: { type: 'string' } } });
    if (positionals.length !== 1) throw new UsageError('tokens takes one DOC_ID or FILE');
    const [target] = positionals;
    let result: { text: string; tokens: unknown[] };
    if (await isFile(target)) {
      const prepared = await prepareText(await readSource(target), reflowOption(values.reflow));
      result = { text: prepared.canonical.text, tokens: prepared.tokens };
    } else {
      const doc = await getDocument(await db(), target);
      if (!doc) throw new UsageError(`${target}: no such file, and no document with that id`);
      result = { text: doc.canonical.text, tokens: doc.tokens };
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
  },

  async migrate(_args, db) {
    await migrateToLatest(await db());
    process.stderr.write('migrations applied\n');
  },

  async seed(_args, db) {
    const ids = await seedCorpus(await db());
    process.stderr.write(ids.length ? `imported ${ids.join(', ')}\n` : 'corpus already imported\n');
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${usage}\n`);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`ronten: unknown command "${name}"\n${usage}\n`);
    return 2;
  }
  // Open the database only for commands that need it (tokens FILE must not create one).
  let opened = undefined as Db | undefined;
  const db = async () => (opened ??= await openDb());
  try {
    await command(args, db);
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof SourceFileError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`ronten ${name}: ${(e as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`ronten ${name}: ${(e as Error).stack ?? e}\n`);
    return 1;
  } finally {
    await opened?.close();
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
