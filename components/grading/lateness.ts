// How late, in words of the UI's language (days and hours, or hours and minutes).
import { lateParts } from '@/lib/grading/deadline';
import type { Translate } from '@/lib/i18n/locale';

export function latenessText(t: Translate, ms: number): string {
  const { days, hours, minutes } = lateParts(ms);
  return days > 0 ? t('grading.lateDays', { days, hours }) : t('grading.lateHours', { hours, minutes });
}
