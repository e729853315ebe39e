// The request shape of importing a text from the browser (POST /api/documents), shared by the
// route handler and the import form. Pure zod: the form checks the same limits before it sends.
//
// The limit is on the source as sent, in UTF-16 code units (String#length, what a textarea
// counts): 200,000 is a long book chapter, far beyond an essay, and keeps one import's
// tokenizing (done once, on the server) to a second or two.
import { z } from 'zod';
import { withSafeText } from '@/lib/text/safeText';
import { emptyParams } from '@/lib/net/requestReasons';

export const TEXT_IMPORT_MAX_CHARS = 200_000;
export const TITLE_MAX_CHARS = 200;
export const reflowChoices = ['auto', 'on', 'off'] as const;

export const textImportSchema = withSafeText(z.strictObject({
  title: z.string({ error: 'title must be a string' }).trim().min(1, 'title is empty: give the text a title').max(TITLE_MAX_CHARS, `title is longer than ${TITLE_MAX_CHARS} characters`),
  text: z
    .string({ error: 'text must be a string' })
    .max(TEXT_IMPORT_MAX_CHARS, `the text is longer than ${TEXT_IMPORT_MAX_CHARS.toLocaleString('en')} characters: split it into several documents`)
    .refine((t) => t.trim().length > 0, { error: 'the text is empty: paste the text or choose a .txt file', params: emptyParams }),
  reflow: z.enum(reflowChoices, { error: 'reflow must be auto, on or off' }).default('auto'),
  language: z
    .string({ error: 'language must be a string' })
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'language must be a language tag such as "ja"')
    .default('ja'),
}));
export type TextImportRequest = z.infer<typeof textImportSchema>;
