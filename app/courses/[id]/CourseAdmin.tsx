'use client';
// The instructors' panel on a course page: the join code (new, off, on), archiving, the member
// list with removal and, for a student who lost their slip, a new one-time password printed as a
// sign-in slip (SignInSlips), and adding a co-instructor. Each action says what happened in a status
// line beside it and refreshes the page; a refusal is said in the UI's language (its code).
import { useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useT } from '@/components/I18nProvider';
import { ConfirmButton } from '@/components/ConfirmButton';
import { describeFailure, requestJson } from '@/components/useJsonRequest';
import { SignInSlips, type Slip } from './SignInSlips';

export interface AdminMember {
  userId: string;
  name: string;
  displayName: string;
  role: 'instructor' | 'student';
  owner: boolean;
}

interface Props {
  courseId: string;
  title: string;
  archived: boolean;
  joinCode: string;
  joinEnabled: boolean;
  members: AdminMember[];
}

export function CourseAdmin({ courseId, title, archived, joinCode, joinEnabled, members }: Props) {
  const t = useT();
  const router = useRouter();
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  // The last reissued slip: its one-time password exists only in this answer.
  const [slip, setSlip] = useState<Slip | null>(null);
  const instructorField = useId();
  const base = `/api/courses/${encodeURIComponent(courseId)}`;

  const act = async (method: 'POST' | 'PATCH' | 'DELETE', url: string, body: unknown, success: (data: Record<string, unknown>) => string) => {
    const answer = await requestJson(t, url, method, body);
    setStatus(answer.ok ? { text: success(answer.data), failed: false } : { text: describeFailure(t, answer.status, answer.detail), failed: true });
    if (answer.ok) router.refresh();
    return answer.ok;
  };
  const patch = (body: unknown, success: (course: { joinCode: string }) => string) => act('PATCH', base, body, (d) => success(d.course as { joinCode: string }));

  return (
    <div className="space-y-4" data-testid="course-admin">
      <p className="text-sm">
        {t('courses.joinCode')}: <code data-testid="join-code">{joinCode}</code> {!joinEnabled && <span data-testid="join-code-off">{t('course.joinCodeOff')}</span>}
      </p>
      {!archived && (
        <div className="flex flex-wrap gap-2">
          <ConfirmButton label={t('course.regenerate')} question={t('course.regenerateConfirm')} onConfirm={() => patch({ joinCode: 'regenerate' }, (c) => t('course.codeChanged', { code: c.joinCode })).then(() => {})} />
          {joinEnabled ? (
            <button type="button" className="btn min-h-11" onClick={() => void patch({ joinCode: 'disable' }, () => t('course.codeDisabled'))}>
              {t('course.disableCode')}
            </button>
          ) : (
            <button type="button" className="btn min-h-11" onClick={() => void patch({ joinCode: 'enable' }, () => t('course.codeEnabled'))}>
              {t('course.enableCode')}
            </button>
          )}
        </div>
      )}
      <div>
        {archived ? (
          <button type="button" className="btn min-h-11" onClick={() => void patch({ archived: false }, () => t('course.unarchivedDone'))}>
            {t('course.unarchive')}
          </button>
        ) : (
          <ConfirmButton label={t('course.archive')} question={t('course.archiveConfirm', { title })} onConfirm={() => patch({ archived: true }, () => t('course.archivedDone')).then(() => {})} />
        )}
      </div>
      <p role="status" data-testid="course-admin-status" className={`text-sm ${status?.failed ? 'text-red-700' : 'text-green-800'}`}>
        {status?.text ?? ''}
      </p>
      <div>
        <h3 className="mb-1 font-semibold">{t('courses.members')}</h3>
        <ul className="space-y-1 text-sm" data-testid="members">
          {members.map((m) => {
            const who = m.displayName || m.name;
            return (
              <li key={m.userId} className="flex flex-wrap items-center gap-2">
                <span>
                  {who} <span className="text-stone-500">({m.name} · {t(`courses.role.${m.role}`)}{m.owner ? ` · ${t('course.owner')}` : ''})</span>
                </span>
                {!m.owner && !archived && (
                  <ConfirmButton
                    label={t('course.remove')}
                    name={t('course.removeOf', { name: who })}
                    question={t('course.removeConfirm', { name: who })}
                    onConfirm={() => act('DELETE', `${base}/members/${encodeURIComponent(m.userId)}`, undefined, () => t('course.removed', { name: who })).then(() => {})}
                  />
                )}
                {m.role === 'student' && !archived && (
                  <ConfirmButton
                    label={t('course.reissue')}
                    name={t('course.reissueOf', { name: who })}
                    question={t('course.reissueConfirm', { name: who })}
                    onConfirm={() =>
                      act('POST', `${base}/members/${encodeURIComponent(m.userId)}/password`, undefined, (d) => {
                        setSlip(d.account as Slip);
                        return t('course.reissued', { name: who });
                      }).then(() => {})
                    }
                  />
                )}
              </li>
            );
          })}
        </ul>
        {slip && (
          <div className="mt-2" data-testid="reissued-slip">
            <SignInSlips slips={[slip]} courseTitle={title} />
          </div>
        )}
      </div>
      {!archived && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const name = String(new FormData(form).get('name') ?? '').trim();
            if (await act('POST', `${base}/instructors`, { name }, (d) => t('course.added', { name: (d.instructor as { name: string }).name }))) form.reset();
          }}
        >
          <label htmlFor={instructorField} className="flex flex-col text-sm">
            {t('course.addInstructor')} — {t('course.instructorName')}
            <input id={instructorField} name="name" required className="min-h-11 rounded border border-stone-300 px-2 py-1" />
          </label>
          <button type="submit" className="btn min-h-11">
            {t('course.add')}
          </button>
        </form>
      )}
    </div>
  );
}
