import { Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { CommonErrors, errorCodeOfIssues } from '@mailgate/contracts';
import { AppError } from '../http/app-error.js';

/**
 * Validates a body, query or path object against its contract schema. Schemas are strict
 * (`z.strictObject`), so unknown fields are refused rather than silently dropped.
 */
@Injectable()
export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.output<T> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    // A schema may name its own code (a forged cursor is INVALID_CURSOR); the rest is generic.
    throw new AppError(errorCodeOfIssues(result.error.issues) ?? CommonErrors.VALIDATION_FAILED, {
      issues: result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        // zod's messages describe the rule, never echo the value, so they are safe to return.
        message: issue.message,
        code: issue.code,
      })),
    });
  }
}

export function validate<T extends z.ZodType>(schema: T): ZodValidationPipe<T> {
  return new ZodValidationPipe(schema);
}
