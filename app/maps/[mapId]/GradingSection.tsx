// The grading part of the review page, for the instructors of the assignments through which
// they see the map: per assignment the grading panel (rubric, suggestions, score, comment,
// return), returning the map for revision with a message, and the way on to the next map that
// waits for grading. A server component: it loads and hands plain props to the client panel.
import Link from 'next/link';
import type { Assignment, Db } from '@/lib/db';
import type { Translate } from '@/lib/i18n/locale';
import { GradingPanel } from '@/components/grading/GradingPanel';
import { PostForm } from '@/components/PostForm';
import { loadGradingPanel } from '../../assignments/_lib/grading';

export async function GradingSection({ db, t, date, assignments, studentId }: { db: Db; t: Translate; date: Intl.DateTimeFormat; assignments: Assignment[]; studentId: string }) {
  const panels = await Promise.all(assignments.map(async (a) => ({ assignment: a, data: await loadGradingPanel(db, a, studentId) })));
  return (
    <div className="mb-4 space-y-3">
      {panels.map(({ assignment: a, data }) => {
        const path = `/assignments/${encodeURIComponent(a.id)}`;
        return (
          <div key={a.id} className="space-y-2">
            <GradingPanel
              assignmentId={a.id}
              assignmentTitle={a.title}
              studentId={studentId}
              rubric={data.rubric}
              grade={data.grade}
              submitted={data.submittedAt !== null}
              hasReference={a.referenceMapId !== null}
              suggestions={data.suggestions}
              returnedLabel={data.grade?.returnedAt ? t('grading.returnedState', { date: date.format(new Date(data.grade.returnedAt)) }) : null}
            />
            <div className="flex flex-wrap items-start gap-4">
              <Link href={`${path}/next?after=${encodeURIComponent(studentId)}`} className="btn inline-block" data-testid="next-to-review">
                {t('grading.next')}
              </Link>
              {data.submittedAt && (
                <details className="text-sm">
                  <summary className="cursor-pointer py-2">{t('grading.revise.heading')}</summary>
                  <PostForm action={`${'/api'}${path}/revise`} extra={{ userId: studentId }} submitLabel={t('grading.revise.button')} className="flex flex-col items-start gap-2">
                    <label className="flex flex-col gap-1">
                      {t('grading.revise.message')}
                      <textarea name="message" rows={3} required className="w-96 max-w-full rounded border border-stone-300 p-2" />
                    </label>
                  </PostForm>
                </details>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}
