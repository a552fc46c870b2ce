import { Injectable } from '@nestjs/common';
import { CredentialVerifier } from './credential-verifier.js';
import { DecisionStateCache } from './decision-state-cache.js';
import { decide, type CredentialCheck, type DecisionFacts, type DecisionOutcome } from './decision-rules.js';
import { SecurityVersionStore, type VersionReading } from './security-version.store.js';
import type { UserDecisionState } from './user-decision-state.js';

export interface CheckedDecision {
  readonly state: UserDecisionState;
  readonly credential: CredentialCheck | undefined;
  readonly outcome: DecisionOutcome;
}

/**
 * Keeps a decision from resting on state that a change acknowledged anywhere has replaced: the
 * state is compared with the user's announced version (SecurityVersionStore) when it is loaded,
 * and again just before an allow whose reading has aged.
 */
@Injectable()
export class DecisionFreshness {
  constructor(
    private readonly versions: SecurityVersionStore,
    private readonly states: DecisionStateCache,
    private readonly credentials: CredentialVerifier,
  ) {}

  /** The state, reloaded when a change newer than it was announced. */
  async state(
    login: string,
    cached: UserDecisionState | null,
    reading: VersionReading,
    now: Date,
  ): Promise<UserDecisionState | null> {
    return (await this.versions.isStale(login, cached, reading)) ? this.states.reload(login, now) : cached;
  }

  /**
   * Reads the version again before an allow that rests on an older reading. Unchanged: the same
   * answer. Changed: decided again on the reloaded state when the credential still holds
   * without argon2id (an app password is matched again; a main password holds while its hash is
   * the same); otherwise it throws, and the client's retry (after a tempfail) meets the new state.
   */
  async recheckBeforeAllow(
    login: string,
    password: string,
    state: UserDecisionState,
    credential: CredentialCheck | undefined,
    rules: Omit<DecisionFacts, 'credential' | 'user'>,
  ): Promise<CheckedDecision> {
    if (!(await this.versions.isStale(login, state, await this.versions.read(login)))) {
      return { state, credential, outcome: decide({ ...rules, credential, user: state }) };
    }
    const fresh = await this.states.reload(login, rules.now);
    const stillValid =
      this.credentials.matchAppPassword(fresh, password) ??
      (credential?.valid && credential.kind === 'password' && fresh?.passwordHash === state.passwordHash
        ? credential
        : null);
    if (!fresh || !stillValid) throw new Error('the account changed while its login was decided');
    return { state: fresh, credential: stillValid, outcome: decide({ ...rules, credential: stillValid, user: fresh }) };
  }
}
