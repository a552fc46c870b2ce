import { AdminMailOutboxController } from './admin-mail-outbox.controller.js';
import { RecoveryModule } from '../recovery/recovery.module.js';
import { Module } from '@nestjs/common';
import { AppPasswordsModule } from '../app-passwords/app-passwords.module.js';
import { AuthLocksModule } from '../auth-locks/auth-locks.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { LoginAttemptsModule } from '../login-attempts/login-attempts.module.js';
import { PasswordPolicyModule } from '../password-policy/password-policy.module.js';
import { ProtocolAccessModule } from '../protocol-access/protocol-access.module.js';
import { ServiceTokensModule } from '../service-tokens/service-tokens.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { AdminAccountActionsService } from './admin-account-actions.service.js';
import { AdminAuditController } from './admin-audit.controller.js';
import { AdminPasswordPolicyService } from './admin-password-policy.service.js';
import { AdminServiceTokensController } from './admin-service-tokens.controller.js';
import { AdminSettingsController } from './admin-settings.controller.js';
import { AdminUserActionsController } from './admin-user-actions.controller.js';
import { AdminUserDetailService } from './admin-user-detail.service.js';
import { AdminUserSearchService } from './admin-user-search.service.js';
import { AdminUsersController } from './admin-users.controller.js';
import { PasswordResetController } from './password-reset/password-reset.controller.js';
import { PasswordResetService } from './password-reset/password-reset.service.js';
import { PendingResetLinksController } from './password-reset/pending-reset-links.controller.js';
import { PendingResetLinksService } from './password-reset/pending-reset-links.service.js';
import { StaffTargetService } from './staff-target.service.js';

/**
 * The support/admin panel's API (`/api/admin/...`), the public password-reset redemption and the
 * account owner's view of pending reset links (`/api/account/password-reset-links`).
 */
@Module({
  imports: [
    SettingsModule,
    ProtocolAccessModule,
    AppPasswordsModule,
    AuthLocksModule,
    AuthModule,
    LoginAttemptsModule,
    PasswordPolicyModule,
    ServiceTokensModule,
    RecoveryModule,
  ],
  controllers: [
    AdminUsersController,
    AdminUserActionsController,
    AdminAuditController,
    AdminSettingsController,
    AdminServiceTokensController,
    PasswordResetController,
    PendingResetLinksController,
    AdminMailOutboxController,
  ],
  providers: [
    StaffTargetService,
    AdminUserSearchService,
    AdminUserDetailService,
    AdminAccountActionsService,
    AdminPasswordPolicyService,
    PasswordResetService,
    PendingResetLinksService,
  ],
})
export class AdminModule {}
