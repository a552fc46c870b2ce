import { Injectable } from '@nestjs/common';
import {
  BruteForceService,
  type Admission,
  type LockMarks,
  type LoginSubject,
} from '../auth-locks/brute-force.service.js';
import { GlobalSettingsService } from '../settings/global-settings.service.js';
import { CredentialVerifier } from './credential-verifier.js';
import { DecisionFreshness } from './decision-freshness.js';
import { DecisionStateCache } from './decision-state-cache.js';
import type { CredentialCheck, DecisionSettings } from './decision-rules.js';
import { LruCache } from './lru-cache.js';
import { SecurityVersionStore } from './security-version.store.js';
import type { UserDecisionState } from './user-decision-state.js';

/** Logins resolved recently, so a tempfail row can still name its user. */
const KNOWN_USER_IDS = 100_000;

/** What a login decision rests on, read before the credential's slow check. */
export interface DecisionInputs {
  readonly marks: LockMarks;
  readonly settings: DecisionSettings;
  /** A matching app password (found without argon2id); undefined for a main-password attempt. */
  readonly credential: CredentialCheck | undefined;
  /** The brute-force admission of a main-password attempt; null for an app password. */
  readonly admission: Admission | null;
}

/** The administrator's settings that take part in a decision, as the rules read them. */
export async function loadDecisionSettings(settings: GlobalSettingsService): Promise<DecisionSettings> {
  const stored = await settings.get();
  return {
    requireTls: stored.requireTlsForProtocols,
    allowMainPasswordWithout2fa: stored.allowMainPasswordWithout2fa,
    defaultEnabled: {
      IMAP: stored.defaultImapEnabled,
      POP3: stored.defaultPop3Enabled,
      SMTP: stored.defaultSmtpEnabled,
    },
  };
}

/**
 * Loads a login's decision inputs (from memory when it can): lock marks, the user's state
 * (fresh against the announced security version), the settings; then either a matching app
 * password (no lock applies to it) or the brute-force admission of a main-password attempt.
 */
@Injectable()
export class DecisionInputsLoader {
  private readonly knownUserIds = new LruCache<string, string>(KNOWN_USER_IDS);

  constructor(
    private readonly bruteForce: BruteForceService,
    private readonly versions: SecurityVersionStore,
    private readonly states: DecisionStateCache,
    private readonly settings: GlobalSettingsService,
    private readonly freshness: DecisionFreshness,
    private readonly credentials: CredentialVerifier,
  ) {}

  /** `onUser` hears of the user's state as soon as it is known, so a timeout can still name them. */
  async load(
    subject: LoginSubject,
    login: string,
    password: string,
    now: Date,
    onUser: (user: UserDecisionState | null) => void,
  ): Promise<DecisionInputs> {
    const [read, cached, settings] = await Promise.all([
      this.bruteForce.readMarksWith(subject, [this.versions.key(login)]),
      this.states.get(login, now).then((state) => {
        onUser(state);
        if (state) this.knownUserIds.set(login, state.userId);
        return state;
      }),
      loadDecisionSettings(this.settings),
    ]);
    const marks = read.marks;
    const user = await this.freshness.state(
      login,
      cached,
      { version: read.extra[0] ?? null, shared: read.shared },
      now,
    );
    onUser(user);
    const appPassword = this.credentials.matchAppPassword(user, password);
    if (appPassword) return { marks, settings, credential: appPassword, admission: null };
    const admission = await this.bruteForce.admit(subject, marks, user?.userId ?? null, now);
    return { marks, settings, credential: undefined, admission };
  }

  /** The user of a login resolved recently (for a tempfail that could not load it). */
  knownUserId(login: string): string | undefined {
    return this.knownUserIds.get(login);
  }
}
