import type { ErrorCodeDefinition } from '@mailgate/contracts';

export interface ValidationIssue {
  path: string;
  message: string;
  code: string;
}

/**
 * The one exception type features throw. It carries a catalogue entry (code, status, message for
 * people). `internalDetail` is logged with the request id and never sent to the client.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(
    readonly definition: ErrorCodeDefinition & { code: string },
    readonly options: {
      detail?: string;
      issues?: ValidationIssue[];
      /** For a refused new password: every rule it breaks (`code` is the first). */
      problems?: string[];
      internalDetail?: string;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(definition.message);
    this.name = 'AppError';
    this.code = definition.code;
    this.status = definition.status;
  }
}
