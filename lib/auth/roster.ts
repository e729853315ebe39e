// Roster import: a CSV of names in, student accounts with one-time passwords out (enrolled in
// the course, made to choose their own password at first sign-in). SERVER ONLY.
//
// The file: UTF-8 (with or without BOM), UTF-16 with a BOM, or Shift_JIS (what Excel on Japanese
// Windows saves as "CSV"): Shift_JIS is detected — bytes that are not UTF-8 but decode as
// Shift_JIS — and converted, and the answer says so. Anything else is refused.
//
// Columns: a header row is optional. Recognized headers: user name (`username`, `user`, `login`,
// `id`, `ユーザー名`, `学籍番号`) and name (`name`, `display name`, `displayname`, `氏名`,
// `名前`, `表示名`). Without a header, one column is the name, two or more are user name then
// name. Without a user name, one is made: a prefix drawn for this import and the row number
// (`k7mp-001`). Blank lines are skipped.
//
// Invariants: every problem is found before anything is written, each named by its line and a
// code + params the client words (`roster.*`, `account.*`); then all accounts are made in one
// transaction (lib/db/courseAdmin.ts createRosterAccounts) or none. At most ROSTER_MAX_ROWS rows.
// One-time passwords are hashed with a salted sha256 (lib/auth/oneTimePassword.ts: why that is
// safe for server-made 79-bit secrets), so 2,000 rows take a fraction of a second, not a minute
// of argon2; that work and the parsing run on the worker pool (prepareRoster), never on the
// event loop. A lost slip is reissued one student at a time (reissueSlip).

import { randomBytes } from 'node:crypto';
import { createRosterAccounts, NamesTakenError, reissueOneTimePassword, takenNames, type Db } from '@/lib/db';
import { parseCsv } from '@/lib/formats/csv';
import { unsafeTextProblem } from '@/lib/text/safeText';
import { DISPLAY_NAME_MAX, normalizeUserName, userNameProblem } from './accounts';
import type { ProblemParams } from './errors';
import { hashOneTimePassword, newOneTimePassword } from './oneTimePassword';
import { runTask } from '@/lib/server/workerPool';

export const ROSTER_MAX_ROWS = 2000;
/// How many line problems an answer lists (the count says how many there were).
export const ROSTER_MAX_PROBLEMS = 100;

export type RosterEncoding = 'utf-8' | 'utf-16' | 'shift_jis';

export interface RosterProblem {
  /// 1-based line of the file; 0 for the file as a whole.
  line: number;
  code: string;
  params: ProblemParams;
  message: string;
}

export interface RosterRow {
  line: number;
  name: string;
  displayName: string;
  /// True when the file gave no user name and one was made.
  generatedName: boolean;
}

export type ParsedRoster = { ok: true; rows: RosterRow[]; encoding: RosterEncoding } | { ok: false; problems: RosterProblem[]; encoding: RosterEncoding | null };

const fileProblem = (code: string, params: ProblemParams, message: string): RosterProblem => ({ line: 0, code, params, message });

/// The file's text and how it was encoded, or the problem (see the header).
export function decodeRoster(bytes: Uint8Array): { ok: true; text: string; encoding: RosterEncoding } | { ok: false; problem: RosterProblem } {
  const strict = (label: string, data: Uint8Array) => new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(data);
  try {
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      return { ok: true, text: strict(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', bytes), encoding: 'utf-16' };
    }
    return { ok: true, text: strict('utf-8', bytes), encoding: 'utf-8' };
  } catch {}
  try {
    return { ok: true, text: strict('shift_jis', bytes), encoding: 'shift_jis' };
  } catch {}
  return { ok: false, problem: fileProblem('roster.encoding', {}, 'the file is neither UTF-8, UTF-16 nor Shift_JIS text: save it from the spreadsheet as "CSV UTF-8"') };
}

const USER_HEADERS = new Set(['username', 'user name', 'user', 'login', 'id', 'ユーザー名', 'ユーザ名', '学籍番号']);
const NAME_HEADERS = new Set(['name', 'display name', 'displayname', '氏名', '名前', '表示名', '名前（表示名）']);

/// Reads and checks a roster file (no database): rows to create, or every problem by line.
export function parseRoster(bytes: Uint8Array, prefix = newNamePrefix()): ParsedRoster {
  const decoded = decodeRoster(bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem], encoding: null };
  const { text, encoding } = decoded;
  const fail = (p: RosterProblem): ParsedRoster => ({ ok: false, problems: [p], encoding });
  const csv = parseCsv(text);
  if (!csv.ok) return fail({ line: csv.line, code: 'roster.csv', params: { line: csv.line }, message: `line ${csv.line}: ${csv.message}` });
  let records = csv.records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (records.length === 0) return fail(fileProblem('roster.empty', {}, 'the file has no names'));

  const header = records[0].cells.map((c) => c.trim().toLowerCase());
  let userCol = header.findIndex((h) => USER_HEADERS.has(h));
  let nameCol = header.findIndex((h) => NAME_HEADERS.has(h));
  if (userCol >= 0 || nameCol >= 0) records = records.slice(1);
  else if (records[0].cells.length >= 2) [userCol, nameCol] = [0, 1];
  else [userCol, nameCol] = [-1, 0];
  if (records.length > ROSTER_MAX_ROWS) {
    return fail(fileProblem('roster.tooManyRows', { max: ROSTER_MAX_ROWS, rows: records.length }, `the file has ${records.length} names; at most ${ROSTER_MAX_ROWS} can be imported at once`));
  }
  if (records.length === 0) return fail(fileProblem('roster.empty', {}, 'the file has no names'));

  const problems: RosterProblem[] = [];
  const rows: RosterRow[] = [];
  const firstLineOf = { name: new Map<string, number>(), displayName: new Map<string, number>() };
  records.forEach((record, index) => {
    const { line } = record;
    const at = (code: string, params: ProblemParams, message: string) => problems.push({ line, code, params: { line, ...params }, message: `line ${line}: ${message}` });
    const displayName = (nameCol >= 0 ? (record.cells[nameCol] ?? '') : '').trim().normalize('NFC');
    const given = userCol >= 0 ? normalizeUserName(record.cells[userCol] ?? '') : '';
    const name = given || `${prefix}-${String(index + 1).padStart(3, '0')}`;
    const unsafe = unsafeTextProblem(record.cells.join(','));
    if (unsafe) return at('roster.unsafeText', {}, `the line ${unsafe}`);
    if (displayName === '') return at('roster.emptyName', {}, 'the name is empty');
    if ([...displayName].length > DISPLAY_NAME_MAX) return at('roster.nameTooLong', { max: DISPLAY_NAME_MAX }, `the name is longer than ${DISPLAY_NAME_MAX} characters`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(displayName)) return at('roster.nameControl', {}, 'the name contains control characters');
    if (given) {
      const problem = userNameProblem(given);
      if (problem) return at(problem.code, problem.params, `user name "${given}": ${problem.message}`);
      const first = firstLineOf.name.get(given);
      if (first !== undefined) return at('roster.duplicateUserName', { name: given, first }, `the user name "${given}" is also on line ${first}`);
      firstLineOf.name.set(given, line);
    } else {
      // Two rows with the same name and no user names are most likely one student twice.
      const first = firstLineOf.displayName.get(displayName);
      if (first !== undefined) return at('roster.duplicateName', { name: displayName, first }, `"${displayName}" is also on line ${first} (give each a user name if they are two students)`);
      firstLineOf.displayName.set(displayName, line);
    }
    rows.push({ line, name, displayName, generatedName: !given });
  });
  return problems.length > 0 ? { ok: false, problems, encoding } : { ok: true, rows, encoding };
}

/// A prefix for made-up user names: a letter and three more of the join-code alphabet, lower case.
export function newNamePrefix(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyz';
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(4);
  return letters[bytes[0] % letters.length] + [...bytes.subarray(1)].map((b) => alphabet[b % alphabet.length]).join('');
}

export interface RosterSlip {
  userId: string;
  name: string;
  displayName: string;
  /// Shown once, on the slips; stored only as a hash.
  oneTimePassword: string;
}

export type RosterImport = { ok: true; encoding: RosterEncoding; slips: RosterSlip[] } | { ok: false; encoding: RosterEncoding | null; problems: RosterProblem[] };

export interface PreparedRow extends RosterRow {
  oneTimePassword: string;
  passwordHash: string;
}

export type PreparedRoster = { ok: true; rows: PreparedRow[]; encoding: RosterEncoding } | { ok: false; problems: RosterProblem[]; encoding: RosterEncoding | null };

/// The CPU part of an import — decoding, parsing and checking the file, drawing and hashing the
/// one-time passwords (2,000 rows: ~60 ms warm, up to 0.9 s cold on this loaded 2-core machine,
/// bench/roster.ts) — as one worker-pool task, off the event loop.
export function prepareRoster({ bytes, prefix }: { bytes: Uint8Array; prefix: string }): PreparedRoster {
  const parsed = parseRoster(bytes, prefix);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    encoding: parsed.encoding,
    rows: parsed.rows.map((row) => {
      const oneTimePassword = newOneTimePassword();
      return { ...row, oneTimePassword, passwordHash: hashOneTimePassword(oneTimePassword) };
    }),
  };
}

/// Parses the file, checks the names against existing accounts and makes the accounts (all or
/// none). CourseArchivedError / NotFoundError for the course pass through.
export async function importRoster(db: Db, courseId: string, bytes: Uint8Array): Promise<RosterImport> {
  // Made-up names that collide with existing accounts: draw another prefix (a few tries).
  for (let attempt = 0; ; attempt++) {
    const parsed = await runTask('prepareRoster', { bytes, prefix: newNamePrefix() });
    if (!parsed.ok) return parsed;
    const taken = new Set(await takenNames(db, parsed.rows.map((r) => r.name)));
    const clash = parsed.rows.filter((r) => taken.has(r.name));
    if (clash.some((r) => r.generatedName) && attempt < 5) continue;
    if (clash.length > 0) {
      return {
        ok: false,
        encoding: parsed.encoding,
        problems: clash.map((r) => ({ line: r.line, code: 'roster.nameTaken', params: { line: r.line, name: r.name }, message: `line ${r.line}: the user name "${r.name}" is taken` })),
      };
    }
    try {
      const ids = await createRosterAccounts(
        db,
        courseId,
        parsed.rows.map((r) => ({ name: r.name, displayName: r.displayName, passwordHash: r.passwordHash })),
      );
      return { ok: true, encoding: parsed.encoding, slips: parsed.rows.map((r, i) => ({ userId: ids[i], name: r.name, displayName: r.displayName, oneTimePassword: r.oneTimePassword })) };
    } catch (e) {
      // Someone took a name between the check and the insert: nothing was written.
      if (e instanceof NamesTakenError && attempt < 5) continue;
      throw e;
    }
  }
}

/// A lost slip: a new one-time password for a student of the course (one sha256, no worker
/// needed), stored by reissueOneTimePassword (which refuses anyone but a student account enrolled
/// as a student of this course, and ends the account's sessions). The slip to print.
export async function reissueSlip(db: Db, courseId: string, userId: string): Promise<RosterSlip> {
  const oneTimePassword = newOneTimePassword();
  const account = await reissueOneTimePassword(db, courseId, userId, hashOneTimePassword(oneTimePassword));
  return { ...account, oneTimePassword };
}
