// One line of `dxe guard check` / `dxe guard eval` input (EVAL §2), validated at the boundary.
import { z } from 'zod';

export const guardRequestContextSchema = z
  .object({
    free_shipping: z.boolean().optional(),
    asker_is_buyer: z.boolean().optional(),
    /** Earlier outgoing messages of the conversation (split evasions); an extension of EVAL §2. */
    previous_outgoing: z.array(z.string()).optional(),
    locale: z.enum(['zh', 'en']).optional(),
  })
  .nullish();

export const guardRequestSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  platform: z.string(),
  context: guardRequestContextSchema,
});
export type GuardRequest = z.infer<typeof guardRequestSchema>;

/** A labelled line: the same fields plus the rules it should trip (empty when compliant). */
export const guardLabelledSchema = guardRequestSchema.extend({ expect: z.array(z.string()) });
export type GuardLabelled = z.infer<typeof guardLabelledSchema>;
