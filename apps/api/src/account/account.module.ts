import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module.js';
import { AppPasswordsModule } from '../app-passwords/app-passwords.module.js';
import { AccountNoticesModule } from '../notices/account-notices.module.js';
import { ProtocolAccessModule } from '../protocol-access/protocol-access.module.js';
import { SettingsModule } from '../settings/settings.module.js';

/**
 * The user's account features under `/api/account/*` (besides sign-in, password and 2FA):
 * protocol access, app passwords, activity and security notices. One entry in AppModule.
 */
@Module({
  imports: [SettingsModule, ProtocolAccessModule, AppPasswordsModule, ActivityModule, AccountNoticesModule],
})
export class AccountModule {}
