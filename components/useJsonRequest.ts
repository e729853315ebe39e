'use client';
// Sends JSON to an API route and reports the outcome the way every form here does: busy while
// waiting, on failure what went wrong in the UI's language (the kind of failure from the status,
// and as detail the server's reason — worded from its `code` and `params` when it sends one the
// catalog knows, else its own English message), the answer's body on success.
import { useState } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import type { Translate as T } from '@/lib/i18n/locale';
import { gradingCodeMessages } from '@/lib/i18n/grading';
import { useT } from './I18nProvider';

const statusKinds: Record<number, MessageKey> = {
  401: 'request.status.401',
  403: 'request.status.403',
  404: 'request.status.404',
  409: 'request.status.409',
  413: 'request.status.413',
  422: 'request.status.422',
  423: 'request.status.423',
  429: 'request.status.429',
  503: 'request.status.503',
};

/// The server's refusal codes (app/api/auth, the classroom and comment routes, the map import
/// route, the session and origin checks, the course administration and roster routes, every
/// 404 (notFound.<kind>) and every route's body checks: lib/net/requestReasons) and their messages.
const codeMessages: Record<string, MessageKey> = {
  'auth.nameTaken': 'error.auth.nameTaken',
  'auth.wrongCredentials': 'error.auth.wrongCredentials',
  'auth.rateLimited': 'error.auth.rateLimited',
  'auth.rateLimitedSignUp': 'error.auth.rateLimitedSignUp',
  'auth.rateLimitedJoinCode': 'error.auth.rateLimitedJoinCode',
  'auth.signUpClosed': 'error.auth.signUpClosed',
  'auth.adminOnly': 'error.auth.adminOnly',
  'auth.lastAdmin': 'error.auth.lastAdmin',
  'auth.soloMode': 'error.auth.soloMode',
  'account.nameLength': 'error.account.nameLength',
  'account.nameChars': 'error.account.nameChars',
  'account.displayNameLength': 'error.account.displayNameLength',
  'account.displayNameControl': 'error.account.displayNameControl',
  'account.passwordShort': 'error.account.passwordShort',
  'account.passwordLong': 'error.account.passwordLong',
  'account.role': 'error.account.role',
  'account.joinCodeNeeded': 'error.account.joinCodeNeeded',
  'account.joinCodeUnknown': 'error.account.joinCodeUnknown',
  'import.unknownFormat': 'error.import.unknownFormat',
  'course.archived': 'error.course.archived',
  'course.notFound': 'error.course.notFound',
  'course.instructorsOnly': 'error.course.instructorsOnly',
  'course.removeOwner': 'error.course.removeOwner',
  'course.notMember': 'error.course.notMember',
  'course.notInstructorAccount': 'error.course.notInstructorAccount',
  'course.unknownUser': 'error.course.unknownUser',
  'roster.invalid': 'error.roster.invalid',
  'roster.encoding': 'error.roster.encoding',
  'roster.csv': 'error.roster.csv',
  'roster.empty': 'error.roster.empty',
  'roster.tooManyRows': 'error.roster.tooManyRows',
  'roster.emptyName': 'error.roster.emptyName',
  'roster.nameTooLong': 'error.roster.nameTooLong',
  'roster.nameControl': 'error.roster.nameControl',
  'roster.unsafeText': 'error.roster.unsafeText',
  'roster.duplicateUserName': 'error.roster.duplicateUserName',
  'roster.duplicateName': 'error.roster.duplicateName',
  'roster.nameTaken': 'error.roster.nameTaken',
  'account.currentPasswordWrong': 'error.account.currentPasswordWrong',
  'account.passwordUnchanged': 'error.account.passwordUnchanged',
  'auth.passwordChangeRequired': 'error.auth.passwordChangeRequired',
  'auth.signedOut': 'error.auth.signedOut',
  'auth.roleNeeded': 'error.auth.roleNeeded',
  'request.crossSite': 'error.request.crossSite',
  'course.studentsOnly': 'error.course.studentsOnly',
  'assignment.referenceNotOwn': 'error.assignment.referenceNotOwn',
  'assignment.schemeUnknown': 'error.assignment.schemeUnknown',
  'assignment.schemeOthers': 'error.assignment.schemeOthers',
  'comment.authorOnly': 'error.comment.authorOnly',
  'request.notJson': 'error.request.notJson',
  'request.tooLarge': 'error.request.tooLarge',
  'field.empty': 'error.field.empty',
  'field.tooLong': 'error.field.tooLong',
  'field.tooShort': 'error.field.tooShort',
  'field.tooMany': 'error.field.tooMany',
  'field.choice': 'error.field.choice',
  'field.unsafeText': 'error.field.unsafeText',
  'field.unknown': 'error.field.unknown',
  'field.invalid': 'error.field.invalid',
  'server.busy': 'error.server.busy',
  'server.internal': 'error.server.internal',
  'map.stale': 'error.map.stale',
  'map.locked': 'error.map.locked',
  'map.operationRejected': 'error.map.operationRejected',
  'map.batchReused': 'error.map.batchReused',
  'notFound.user': 'error.notFound.user',
  'notFound.document': 'error.notFound.document',
  'notFound.map': 'error.notFound.map',
  'notFound.labelScheme': 'error.notFound.labelScheme',
  'notFound.course': 'error.notFound.course',
  'notFound.assignment': 'error.notFound.assignment',
  'notFound.comment': 'error.notFound.comment',
  'notFound.thing': 'error.notFound.thing',
  'course.soloMode': 'error.course.soloMode',
  'course.notStudent': 'error.course.notStudent',
  'course.ownGradesOnly': 'error.course.ownGradesOnly',
  'assignment.documentUnknown': 'error.assignment.documentUnknown',
  'assignment.referenceInvalid': 'error.assignment.referenceInvalid',
  'assignment.noStudentMap': 'error.assignment.noStudentMap',
  'assignment.referenceGone': 'error.assignment.referenceGone',
  'assignment.documentGone': 'error.assignment.documentGone',
  'labelScheme.nameTaken': 'error.labelScheme.nameTaken',
  'export.unknownFormat': 'error.export.unknownFormat',
  'import.sourceGone': 'error.import.sourceGone',
  'comment.targetUnknown': 'error.comment.targetUnknown',
  ...gradingCodeMessages,
};
/// The codes worded here (the unit test checks the server's codes are all among them).
export const wordedCodes: readonly string[] = Object.keys(codeMessages);

/// The names of the request fields a reason may name, by the last name of its path
/// ("operations.0.unit.note" → note); any other path is shown as it is.
const fieldNames: Record<string, MessageKey> = {
  title: 'field.title',
  text: 'field.text',
  reflow: 'field.reflow',
  language: 'field.language',
  name: 'field.name',
  displayName: 'field.displayName',
  password: 'field.password',
  joinCode: 'field.joinCode',
  note: 'field.note',
  body: 'field.body',
  documentId: 'field.documentId',
  dueAt: 'field.dueAt',
  role: 'field.role',
  labelSchemeId: 'field.labelSchemeId',
};

function fieldName(t: T, path: string): string {
  if (path === '') return t('field.request');
  const last = path.split('.').filter((part) => !/^\d+$/.test(part)).at(-1) ?? '';
  return Object.hasOwn(fieldNames, last) ? t(fieldNames[last]) : path;
}

/// The server's reason in the UI's language when its answer has a code the catalog knows (with
/// `params` filled in, a `field` named in words), else its own message (`error`), else null.
export function wordedError(t: T, body: { error?: unknown; code?: unknown; params?: unknown }): string | null {
  const key = typeof body.code === 'string' && Object.hasOwn(codeMessages, body.code) ? codeMessages[body.code] : null;
  if (key) {
    const raw = typeof body.params === 'object' && body.params !== null ? (body.params as Record<string, unknown>) : {};
    const params = Object.fromEntries(Object.entries(raw).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'));
    if (typeof params.field === 'string') params.field = fieldName(t, params.field);
    return t(key, params);
  }
  return typeof body.error === 'string' ? body.error : null;
}

/// Why a request failed, in the UI's language: the kind of failure from the status (`status`
/// null when the server could not be reached), the server's own message after it as detail.
function failureReason(t: T, status: number | null, detail?: string): string {
  const kind = t(status === null ? 'request.offline' : (statusKinds[status] ?? (status >= 500 ? 'request.status.500' : 'request.status.400')));
  return detail ? t('request.reason', { kind, detail }) : kind;
}

/// The message for a failed request.
export function describeFailure(t: T, status: number | null, detail?: string): string {
  return t('request.failed', { kind: failureReason(t, status, detail) });
}

/// The server's own reason for a refusal, for messages that put it after a sentence of their
/// own; the kind of failure in the UI's language when it gave none or could not be reached.
export function serverReason(t: T, failure: { status: number | null; detail?: string }): string {
  return failure.detail ?? failureReason(t, failure.status);
}

/// A failed request kept for wording where it is shown (the hooks that fetch have no `t`): its
/// status (null when the server could not be reached) and its JSON body, if any.
export class RequestFailure extends Error {
  constructor(
    readonly status: number | null,
    readonly body: { error?: unknown; code?: unknown; params?: unknown } = {},
  ) {
    super(typeof body.error === 'string' ? body.error : status === null ? 'network error' : `HTTP ${status}`);
  }
}

/// The failure of a fetch whose answer was not ok, with its JSON body when it has one.
export async function failureOf(res: Response): Promise<RequestFailure> {
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  return new RequestFailure(res.status, typeof body === 'object' && body !== null ? body : {});
}

/// What went wrong, in the UI's language: the server's reason when it gave one the catalog
/// words, else the kind of failure (any other error — fetch's own — is an unreachable server).
export function wordedFailure(t: T, e: unknown): string {
  const failure = e instanceof RequestFailure ? e : new RequestFailure(null);
  return serverReason(t, { status: failure.status, detail: wordedError(t, { ...failure.body, error: undefined }) ?? undefined });
}

export type JsonAnswer = { ok: true; data: Record<string, unknown> } | { ok: false; status: number | null; detail?: string };

/// Sends JSON (or nothing) and reads the JSON answer; a failure's detail is the server's reason
/// in the UI's language where it can be (wordedError). Never throws: an unreachable server is a
/// failure with no status.
export async function requestJson(t: T, url: string, method: 'POST' | 'PATCH' | 'DELETE', body?: unknown): Promise<JsonAnswer> {
  try {
    const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    return res.ok ? { ok: true, data } : { ok: false, status: res.status, detail: wordedError(t, data) ?? undefined };
  } catch {
    return { ok: false, status: null };
  }
}

export function useJsonRequest() {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /// The parsed answer, or null when the request failed (then `error` says why: describeFailure's
  /// message, or `failed`'s for a form with a sentence of its own).
  const send = async (
    url: string,
    method: 'POST' | 'PATCH',
    body: unknown,
    failed: (failure: Extract<JsonAnswer, { ok: false }>) => string = (f) => describeFailure(t, f.status, f.detail),
  ): Promise<Record<string, unknown> | null> => {
    setBusy(true);
    setError(null);
    const answer = await requestJson(t, url, method, body);
    setBusy(false);
    if (answer.ok) return answer.data;
    setError(failed(answer));
    return null;
  };
  return { send, busy, error, setError };
}
