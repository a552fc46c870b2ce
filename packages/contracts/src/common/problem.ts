import { z } from 'zod';

/** RFC 9457 problem details, with Mailgate's stable `code` and the request id for support. */
export const ZProblem = z
  .object({
    type: z.string().meta({ description: 'A URI naming the problem type (about:blank for generic ones).' }),
    title: z.string().meta({ description: 'A short, human-readable summary.' }),
    status: z.number().int(),
    code: z.string().meta({ description: 'Stable machine-readable error code; clients translate by it.' }),
    detail: z.string().optional(),
    requestId: z.string().meta({ description: 'Quote this id when contacting support.' }),
    issues: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string() }))
      .optional()
      .meta({ description: 'For VALIDATION_FAILED: which fields are wrong.' }),
    problems: z
      .array(z.string())
      .optional()
      .meta({ description: 'For a refused new password: every rule it breaks (codes such as PASSWORD_TOO_SHORT).' }),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof ZProblem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
