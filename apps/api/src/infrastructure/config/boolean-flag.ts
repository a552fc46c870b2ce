import { z } from 'zod';

/** An on/off environment variable: 1/0, true/false or yes/no. */
export const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((value) => ['1', 'true', 'yes'].includes(value));
