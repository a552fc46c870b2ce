import { ZEnvironment, SENSITIVE_VARIABLES, type Environment } from './config.schema.js';

/** Variables whose default depends on another one; after loadConfig they always have a value. */
type Derived = { HOST: string; LOG_REQUESTS: boolean };
// An intersection, not Omit: the schema is loose (an index signature), which Omit would flatten.
export type AppConfig = Readonly<Environment & Derived>;

/**
 * Demo mode (`npm start` without DATABASE_URL) has accounts with a published password: it listens
 * on loopback only unless HOST says otherwise, and leaves out the per-request log lines so the
 * start banner stays readable. Production listens on all interfaces and logs every request.
 */
function withDerivedDefaults(environment: Environment): AppConfig {
  const demo = environment.MAILGATE_DEMO;
  return {
    ...environment,
    HOST: environment.HOST ?? (demo ? '127.0.0.1' : '0.0.0.0'),
    LOG_REQUESTS: environment.LOG_REQUESTS ?? !demo,
  };
}

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
  return Object.freeze(withDerivedDefaults(result.data));
}

export const APP_CONFIG = Symbol('APP_CONFIG');
