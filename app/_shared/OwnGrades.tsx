// The grades returned on a map, for its owner wherever they look at it (their editor and this
// read-only view): each with its rubric version, score and comment (components/grading).
import { returnedGradesOfMap, type Db } from '@/lib/db';
import type { Translate } from '@/lib/i18n/locale';
import { ReturnedGrade } from '@/components/grading/ReturnedGrade';

export async function OwnGrades({ db, t, date, mapId }: { db: Db; t: Translate; date: Intl.DateTimeFormat; mapId: string }) {
  const grades = await returnedGradesOfMap(db, mapId);
  return (
    <>
      {grades.map(({ grade, rubric, assignmentTitle }) => (
        <ReturnedGrade
          key={grade.assignmentId}
          t={t}
          assignmentTitle={assignmentTitle}
          rubric={rubric}
          scores={grade.scores}
          total={grade.total}
          comment={grade.comment}
          returnedLabel={t('grading.returnedOn', { date: date.format(new Date(grade.returnedAt!)) })}
        />
      ))}
    </>
  );
}
