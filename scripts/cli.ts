// The ronten command line: `npm run cli -- <command>` or the `ronten` bin. It reads the same
// DATABASE_URL as the app. Input problems print one line on stderr and exit 2, writing nothing.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  openDb,
  listDocuments,
  getDocument,
  getDocumentText,
  getDocumentWire,
  migrateToLatest,
  ensureLocalUser,
  findMap,
  findUser,
  getLabelScheme,
  importMap,
  listMapsOfDocument,
  loadAnnotatedMap,
  mapLabelSchemeId,
  documentContext,
  DbError,
  LOCAL_USER_ID,
  type Db,
  type StoredMap,
} from '@/lib/db';
import { describeImportReport, detectFormat, formatIds, formats, isFormatId, type FormatId } from '@/lib/formats';
import { importFile } from '@/lib/server/importFile';
import { catalog, translator } from '@/lib/i18n/messages';
import { decodeSourceFile, SourceFileError } from '@/lib/corpus/sourceFile';
import { importText, prepareText } from '@/lib/corpus/importText';
import { seedCorpus } from '@/lib/corpus/seed';
import { backfillConjugation } from '@/lib/db/tokenBackfill';
import { tokenize } from '@/lib/tokens/kuromoji';
import type { Reflow } from '@/lib/text/types';
import { makeOffsetConverter } from '@/lib/text/offsets';
import { suggestUnits } from '@/lib/signposts/suggest';
import { agreementCommand } from './agreement';
import { decodeLengths } from '@/lib/tokens/lengths';
import { phraseSizes, phrasesOf } from '@/lib/tokens/phrases';
import type { PackedTokens } from '@/lib/tokens/wire';
import type { Phrase } from '@/lib/tokens/phrases';
import type { Token } from '@/lib/tokens/types';

const usage = `usage: ronten <command> [options]

commands:
  import-text FILE [--title T] [--reflow auto|on|off]   import a UTF-8 .txt; prints the new document id
  docs [--json]                                          list documents
  tokens DOC_ID|FILE [--reflow auto|on|off] [--phrases]  print {"text", "tokens"} as JSON (a FILE is not stored);
                                                         --phrases adds "phrases": [{start, end, cpStart, cpEnd}],
                                                         the 文節 covering the text (stored ones for a DOC_ID)
  tokens --backfill                                      re-tokenize stored documents whose tokens lack conjugation
                                                         forms (stored before they were kept); a document whose
                                                         token boundaries would change keeps its tokens (reported)
  suggest DOC_ID|FILE [--json] [--reflow auto|on|off]    units suggested by the text's signposts (例えば, しかし, …):
                                                         a line each, or [{start, end, cpStart, cpEnd, label, cue}]
  export --document ID [--user U | --all] [--format F] [--out DIR]
                                                         export maps (F: ${formatIds.join('|')}, default json); one map
                                                         to stdout, or files <docId>-<user>.<ext> under DIR
                                                         (brat always needs --out; --all needs --out)
  import FILE --document ID [--user U] [--format F] [--accept] [--label-map TAG=LABEL,…]
                                                         replace the user's map (default: the local user) with the
                                                         file's; F from the extension when omitted (.ann reads the
                                                         .txt beside it); refuses lossy imports without --accept;
                                                         --label-map maps a file's tags (Hypothesis, W3C,
                                                         Recogito, Argdown) to labels, TAG=- leaves their units out
  agreement REFERENCE.json CANDIDATE.json [--json]       agreement of two ronten-argmap files: unit, label and
                                                         relation scores, Krippendorff's alpha on tokens
  migrate                                                apply database migrations
  seed                                                   import the corpus/ texts not yet in the database

environment:
  DATABASE_URL   postgres://… for PostgreSQL, file:PATH for another SQLite file (default data/ronten.sqlite)`;

class UsageError extends Error {}

/// A failure the user caused and can fix, reported as lines on stderr (no stack) with an exit code:
/// 1 for an invalid file, 3 for an import that needs --accept.
class CliFailure extends Error {
  constructor(
    readonly lines: string[],
    readonly exitCode: number,
  ) {
    super(lines.join('\n'));
  }
}

// The bin runs us from the repository root; file arguments are relative to where the user was.
const callerCwd = process.env.RONTEN_CALLER_CWD ?? process.cwd();
const resolveArg = (file: string) => path.resolve(callerCwd, file);

/// The canonical text and tokens of a stored document, or of a FILE prepared as an import would
/// be (and not stored).
async function textAndTokens(target: string, reflow: string | undefined, db: () => Promise<Db>): Promise<{ text: string; tokens: Token[] }> {
  if (await isFile(target)) {
    const prepared = await prepareText(await readSource(target), reflowOption(reflow));
    return { text: prepared.canonical.text, tokens: prepared.tokens };
  }
  const doc = await getDocument(await db(), target);
  if (!doc) throw new UsageError(`${target}: no such file, and no document with that id`);
  return { text: doc.canonical.text, tokens: doc.tokens };
}

/// The phrases stored with a document's tokens (what the editor snaps to), not computed afresh.
async function storedPhraseSizes(db: Db, id: string): Promise<number[]> {
  const wire = await getDocumentWire(db, id);
  if (!wire) throw new UsageError(`${id}: no document with that id`);
  return decodeLengths((JSON.parse(wire.packedTokens) as PackedTokens).phrases);
}

function reflowOption(value: string | undefined): Reflow {
  if (value === undefined) return 'auto';
  if (value === 'auto' || value === 'on' || value === 'off') return value;
  throw new UsageError(`--reflow must be auto, on or off (got "${value}")`);
}

/// The bytes of a file argument; a missing file or a directory is the user's mistake (exit 2).
async function readBytes(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(resolveArg(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${file}: no such file` : code === 'EISDIR' ? `${file} is a directory` : `${file}: ${(e as Error).message}`);
  }
}

/// A source text to import: UTF-8, not empty, within the size limit.
async function readSource(file: string): Promise<string> {
  return decodeSourceFile(await readBytes(file), file);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(resolveArg(file))).isFile();
  } catch {
    return false;
  }
}


/// `<docId>-<userName>` made safe as a file name on every platform.
function exportBaseName(documentId: string, userName: string): string {
  const safe = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'x';
  return `${safe(documentId)}-${safe(userName)}`;
}

/// `--label-map TAG=LABEL,TAG=-`: how the file's tags (Hypothesis, W3C, Recogito, Argdown) name the
/// scheme's labels; `-` (SKIP_TAG) leaves a tag's units out.
function labelMapOption(value: string | undefined): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const map: Record<string, string> = {};
  for (const pair of value.split(',').filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    if (at <= 0 || at === pair.length - 1) throw new UsageError(`--label-map takes TAG=LABEL pairs separated by commas (got ${JSON.stringify(pair)})`);
    map[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return map;
}

function formatOption(value: string | undefined, fallback: FormatId | null): FormatId | null {
  if (value === undefined) return fallback;
  if (!isFormatId(value)) throw new UsageError(`--format must be one of ${formatIds.join(', ')} (got "${value}")`);
  return value;
}

async function readUtf8(file: string): Promise<string> {
  const bytes = await readBytes(file);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new UsageError(`${file} is not valid UTF-8`);
  }
}

async function userArgument(db: Db, value: string | undefined): Promise<{ id: string; name: string; displayName: string }> {
  if (value === undefined || value === LOCAL_USER_ID) {
    const user = await findUser(db, LOCAL_USER_ID);
    // The local user exists once anything has been saved; before that it is still the default.
    return user ?? { id: LOCAL_USER_ID, name: 'local', displayName: 'ローカルユーザー' };
  }
  const user = await findUser(db, value);
  if (!user) throw new UsageError(`no user with id or name "${value}"`);
  return user;
}

type Command = (args: string[], db: () => Promise<Db>) => Promise<void>;

const commands: Record<string, Command> = {
  async agreement(args) {
    try {
      await agreementCommand(args);
    } catch (e) {
      // The agreement module marks its usage errors; files it cannot read are the user's to fix.
      const message = (e as Error).message;
      throw message.startsWith('usage:') ? new UsageError(message.split('\n')[0]) : new CliFailure([message], 1);
    }
  },
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
    for (const d of docs) process.stdout.write(`${d.id}\t${d.title}\t${d.length} chars\t${d.maps} ${d.maps === 1 ? 'map' : 'maps'}\n`);
  },

  async tokens(args, db) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { reflow: { type: 'string' }, phrases: { type: 'boolean' }, backfill: { type: 'boolean' } },
    });
    if (values.backfill) {
      if (positionals.length !== 0 || values.phrases || values.reflow !== undefined) throw new UsageError('tokens --backfill takes no DOC_ID, FILE or other option');
      const report = await backfillConjugation(await db(), (text) => tokenize(text));
      const lines = [`conjugation added to ${report.filled.length} document(s)${report.filled.length ? `: ${report.filled.join(', ')}` : ''}; ${report.complete} had it already`];
      for (const { id, token } of report.kept) lines.push(`${id}: kept its old tokens (re-tokenizing moves the boundary of token ${token}; unit offsets must not move)`);
      process.stdout.write(`${lines.join('\n')}\n`);
      return;
    }
    if (positionals.length !== 1) throw new UsageError('tokens takes one DOC_ID or FILE');
    const [target] = positionals;
    const { text, tokens } = await textAndTokens(target, values.reflow, db);
    const result: { text: string; tokens: Token[]; phrases?: Phrase[] } = { text, tokens };
    if (values.phrases) result.phrases = phrasesOf(tokens, (await isFile(target)) ? phraseSizes(tokens) : await storedPhraseSizes(await db(), target));
    process.stdout.write(`${JSON.stringify(result)}\n`);
  },

  async suggest(args, db) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { reflow: { type: 'string' }, json: { type: 'boolean' } },
    });
    if (positionals.length !== 1) throw new UsageError('suggest takes one DOC_ID or FILE');
    const { text, tokens } = await textAndTokens(positionals[0], values.reflow, db);
    const offsets = makeOffsetConverter(text);
    const suggestions = suggestUnits(text, tokens).map(({ start, end, label, cue }) => ({
      start,
      end,
      cpStart: offsets.toCodePoint(start),
      cpEnd: offsets.toCodePoint(end),
      label,
      cue,
    }));
    if (values.json) {
      process.stdout.write(`${JSON.stringify(suggestions, null, 2)}\n`);
      return;
    }
    for (const s of suggestions) process.stdout.write(`${s.cpStart}-${s.cpEnd}\t${s.label}\t${s.cue}\t${text.slice(s.start, s.end)}\n`);
  },

  async export(args, getDb) {
    const { values } = parseArgs({
      args,
      options: { document: { type: 'string' }, user: { type: 'string' }, all: { type: 'boolean' }, format: { type: 'string' }, out: { type: 'string' } },
    });
    if (!values.document) throw new UsageError('--document ID is required');
    if (values.all && values.user !== undefined) throw new UsageError('--user and --all exclude each other');
    if (values.all && !values.out) throw new UsageError('--all writes one file per map: give --out DIR');
    const format = formatOption(values.format, 'json')!;
    if (format === 'brat' && !values.out) throw new UsageError('brat writes a .txt and an .ann per map: give --out DIR');
    const db = await getDb();
    const doc = await getDocumentText(db, values.document);
    if (!doc) throw new UsageError(`no document with id "${values.document}"`);

    let maps: StoredMap[];
    if (values.all) {
      maps = [];
      for (const m of await listMapsOfDocument(db, doc.id)) {
        const map = await findMap(db, doc.id, m.userId);
        if (map) maps.push(map);
      }
      if (!maps.length) throw new CliFailure([`document ${doc.id} has no maps`], 1);
    } else {
      const user = await userArgument(db, values.user);
      const map = await findMap(db, doc.id, user.id);
      if (!map) throw new CliFailure([`user ${user.name} has no map of document ${doc.id}`], 1);
      maps = [map];
    }

    const exportedAt = new Date().toISOString();
    const written: string[] = [];
    for (const map of maps) {
      const annotated = await loadAnnotatedMap(db, map);
      const user = await findUser(db, map.userId);
      const files = formats[format].files(annotated, { exportedAt });
      if (!values.out) {
        // One map to stdout; CSV gives its units table there (the relations need --out).
        process.stdout.write(files[0].content);
        return;
      }
      const dir = resolveArg(values.out);
      await fs.mkdir(dir, { recursive: true });
      const base = exportBaseName(doc.id, user?.name ?? map.userId);
      for (const f of files) {
        const file = path.join(dir, `${base}${f.suffix}`);
        await fs.writeFile(file, f.content);
        written.push(file);
      }
      for (const c of formats[format].companions?.(annotated) ?? []) {
        const file = path.join(dir, c.name);
        await fs.writeFile(file, c.content);
        if (!written.includes(file)) written.push(file);
      }
    }
    for (const f of written) process.stdout.write(`${f}\n`);
  },

  async import(args, getDb) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { document: { type: 'string' }, user: { type: 'string' }, format: { type: 'string' }, accept: { type: 'boolean' }, 'label-map': { type: 'string' } },
    });
    if (positionals.length !== 1) throw new UsageError('import takes exactly one FILE');
    if (!values.document) throw new UsageError('--document ID is required');
    const [file] = positionals;
    const content = await readUtf8(file);
    const format = formatOption(values.format, null) ?? detectFormat(file, content);
    if (!format) throw new UsageError(`cannot tell the format of ${file} from its name: give --format (${formatIds.filter((f) => formats[f].canImport).join(', ')})`);
    if (!formats[format].canImport) throw new UsageError(`${formats[format].name} is export-only`);
    let input: string | { txt: string; ann: string } = content;
    if (format === 'brat') {
      if (!/\.ann$/i.test(file)) throw new UsageError('brat imports name the .ann file (its .txt must be beside it)');
      input = { ann: content, txt: await readUtf8(file.replace(/\.ann$/i, '.txt')) };
    }

    // Everything is checked before anything is written: a refused import changes nothing.
    const db = await getDb();
    const doc = await getDocumentText(db, values.document);
    if (!doc) throw new UsageError(`no document with id "${values.document}"`);
    const user = await userArgument(db, values.user);
    const existing = await findMap(db, doc.id, user.id);
    const schemeId = existing?.labelSchemeId ?? (await mapLabelSchemeId(db, doc.id, user.id));
    const scheme = await getLabelScheme(db, schemeId);
    if (!scheme) throw new CliFailure([`label scheme ${schemeId} is missing`], 1);
    const { boundaries } = await documentContext(db, doc.id, schemeId);
    // The server's import (on its worker pool), run here directly: the CLI has no one to block.
    const result = importFile({
      fileName: file,
      content: input,
      options: {
        format,
        document: { id: doc.id, title: doc.title, language: doc.language, text: doc.canonical.text, textSha256: doc.canonical.sha256 },
        labels: scheme.labels.map((l) => ({ id: l.id, name: { ja: l.ja, en: l.en } })),
        boundaries,
        annotator: { id: user.id, name: user.displayName || user.name },
        replacing: { units: existing?.units.length ?? 0 },
        labelMap: labelMapOption(values['label-map']),
      },
    });
    if (!result.ok) throw new CliFailure(result.errors.map((e) => `${e.at}: ${e.message}`), 1);
    const report = describeImportReport(result.report, translator(catalog.en));
    const unknownTags = result.report.unknownTags ?? [];
    if (unknownTags.length) report.push(`map them with --label-map ${unknownTags.map((u) => `${u.tag}=LABEL`).join(',')} (LABEL one of ${scheme.labels.map((l) => l.id).join(', ')}, or - to leave them out)`);
    if (result.needsAcceptance && !values.accept) {
      throw new CliFailure([...report, 'refused: importing the file would move, leave out or lose something (above); check the report and re-run with --accept to import it anyway'], 3);
    }
    if (user.id === LOCAL_USER_ID) await ensureLocalUser(db);
    const { map } = result.value;
    const written = await importMap(db, { documentId: doc.id, userId: user.id, map, comments: result.value.comments, expectedVersion: existing?.version });
    if (result.needsAcceptance) for (const line of report) process.stderr.write(`${line}\n`);
    process.stderr.write(`imported ${map.units.length} units, ${map.relations.length} relations and ${result.value.comments.length} comments into ${user.name}'s map of ${doc.id} (version ${written.version})\n`);
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
    if (e instanceof CliFailure) {
      for (const line of e.lines) process.stderr.write(`ronten ${name}: ${line}\n`);
      return e.exitCode;
    }
    if (e instanceof DbError) {
      process.stderr.write(`ronten ${name}: ${e.message}\n`);
      return 1;
    }
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
