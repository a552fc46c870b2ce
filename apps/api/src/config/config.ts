import { ZEnvironment, SENSITIVE_VARIABLES, type Environment } from './config.schema.js';

export type AppConfig = Readonly<Environment>;

/** Thrown at boot with every problem found, so an operator can fix them all in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once at boot, fails fast with a readable list of what is wrong, and
 * freezes the result so nothing can change configuration at run time. Values of sensitive
 * variables never appear in the error (zod's messages do not include them, and we do not add them).
 */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = ZEnvironment.safeParse(environment);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const missing = issue.path.length === 1 && environment[String(issue.path[0])] === undefined;
      const message = missing ? 'is required' : issue.message;
      return `${name} ${message}${SENSITIVE_VARIABLES.has(name) ? ' (value hidden)' : ''}`;
    });
    throw new ConfigError(problems);
  }
  return Object.freeze({ ...result.data });
}

export const APP_CONFIG = Symbol('APP_CONFIG');
