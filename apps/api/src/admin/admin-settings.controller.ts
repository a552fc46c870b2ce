import { Controller } from '@nestjs/common';
import { adminSettingsOperations, type GlobalSettingsView, type PasswordPolicyView } from '@mailgate/contracts';
import { CurrentSession, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import { ContractRoute } from '../infrastructure/common/http/contract-route.decorator.js';
import { ContractBody, type BodyOf } from '../infrastructure/common/http/contract-input.decorator.js';
import { ReqMeta, type RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { editable, GlobalSettingsService, type GlobalSettings } from '../settings/global-settings.service.js';
import { AdminPasswordPolicyService } from './admin-password-policy.service.js';
import { actorOf } from '../audit/audit.types.js';

/** ADMIN only: the global defaults and the password policy. */
@Controller()
@Roles('ADMIN')
export class AdminSettingsController {
  constructor(
    private readonly settings: GlobalSettingsService,
    private readonly policy: AdminPasswordPolicyService,
  ) {}

  @ContractRoute(adminSettingsOperations.getGlobalSettings)
  async getSettings(): Promise<GlobalSettingsView> {
    return toView(await this.settings.get());
  }

  @ContractRoute(adminSettingsOperations.updateGlobalSettings)
  async updateSettings(
    @CurrentSession() session: AuthenticatedSession,
    @ContractBody() body: BodyOf<typeof adminSettingsOperations.updateGlobalSettings>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<GlobalSettingsView> {
    const { reason, ...settings } = body;
    return toView(await this.settings.update({ actor: actorOf(session), settings, reason, meta }));
  }

  @ContractRoute(adminSettingsOperations.getPasswordPolicy)
  async getPolicy(): Promise<PasswordPolicyView> {
    return this.policy.current();
  }

  @ContractRoute(adminSettingsOperations.updatePasswordPolicy)
  async updatePolicy(
    @CurrentSession() session: AuthenticatedSession,
    @ContractBody() body: BodyOf<typeof adminSettingsOperations.updatePasswordPolicy>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<PasswordPolicyView> {
    return this.policy.update({ session, change: body, meta });
  }
}

function toView(settings: GlobalSettings): GlobalSettingsView {
  return { ...editable(settings), updatedAt: settings.updatedAt.toISOString() };
}
