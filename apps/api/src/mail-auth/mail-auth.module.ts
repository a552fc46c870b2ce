import { Module } from '@nestjs/common';
import { AuthLocksModule } from '../auth-locks/auth-locks.module.js';
import { ClusterEventsModule } from '../infrastructure/cluster-events/cluster-events.module.js';
import { LoginAttemptsModule } from '../login-attempts/login-attempts.module.js';
import { ServiceTokensModule } from '../service-tokens/service-tokens.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { AttemptCounting } from './attempt-counting.js';
import { CredentialVerifier } from './credential-verifier.js';
import { DecisionInputsLoader } from './decision-inputs.js';
import { DecisionRecorder } from './decision-recorder.js';
import { DecisionStateCache } from './decision-state-cache.js';
import { DoveadmClient } from './doveadm.client.js';
import { MailAuthController } from './mail-auth.controller.js';
import { MailAuthService } from './mail-auth.service.js';
import { MailLookupsService } from './mail-lookups.service.js';
import { RevocationListener } from './revocation.listener.js';
import { SecurityVersionStore } from './security-version.store.js';
import { DecisionFreshness } from './decision-freshness.js';

/**
 * Mail-server login decisions. Brings in the features it is built from (service tokens, locks,
 * login attempts, the cluster invalidation channel, global settings), so the app module needs
 * one line for all of them.
 */
@Module({
  imports: [ServiceTokensModule, AuthLocksModule, LoginAttemptsModule, ClusterEventsModule, SettingsModule],
  controllers: [MailAuthController],
  providers: [
    MailAuthService,
    DecisionInputsLoader,
    DecisionRecorder,
    AttemptCounting,
    MailLookupsService,
    DecisionStateCache,
    CredentialVerifier,
    DoveadmClient,
    RevocationListener,
    SecurityVersionStore,
    DecisionFreshness,
  ],
  exports: [LoginAttemptsModule],
})
export class MailAuthModule {}
