// zod schemas for the token wire shapes (kept apart from wire.ts so that the browser, which
// only unpacks trusted props, does not ship zod).
import { z } from 'zod';
import type { Token } from './types';
import { SAME, type PackedTokens } from './wire';
import { decodeLengths } from './lengths';

const offset = z.int().nonnegative();

export const tokenSchema = z.object({
  start: offset,
  end: offset,
  cpStart: offset,
  cpEnd: offset,
  surface: z.string(),
  pos: z.string(),
  posDetail: z.string(),
  basicForm: z.string(),
  reading: z.string(),
  conjugation: z.string().optional(),
});

const stringOrSame = z.union([z.string(), z.literal(SAME)]);

export const packedTokensSchema = z
  .object({
    v: z.literal(1),
    len: z.array(z.int().positive()),
    tags: z.array(z.union([z.tuple([z.string(), z.string()]), z.tuple([z.string(), z.string(), z.string()])])),
    tag: z.array(z.int().nonnegative()),
    basic: z.array(stringOrSame),
    reading: z.array(stringOrSame),
    phrases: z.string(),
  })
  .superRefine((p, ctx) => {
    for (const key of ['tag', 'basic', 'reading'] as const) {
      if (p[key].length !== p.len.length) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `has ${p[key].length} entries for ${p.len.length} tokens`,
        });
      }
    }
    let sizes: number[] | null;
    try {
      sizes = decodeLengths(p.phrases);
    } catch {
      sizes = null;
    }
    if (!sizes || sizes.reduce((a, b) => a + b, 0) !== p.len.length) {
      ctx.addIssue({ code: 'custom', path: ['phrases'], message: `do not cover the ${p.len.length} tokens` });
    }
    const i = p.tag.findIndex((t) => t >= p.tags.length);
    if (i >= 0) {
      ctx.addIssue({ code: 'custom', path: ['tag', i], message: `no tag ${p.tag[i]} in tags` });
    }
  });

// The schemas and the interfaces must describe the same shapes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const tokenShapeAgrees: Same<z.infer<typeof tokenSchema>, Token> = true;
const packedShapeAgrees: Same<z.infer<typeof packedTokensSchema>, PackedTokens> = true;
void tokenShapeAgrees;
void packedShapeAgrees;
