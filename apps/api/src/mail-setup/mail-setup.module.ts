import { Module } from '@nestjs/common';
import { AppPasswordsModule } from '../app-passwords/app-passwords.module.js';
import { ProtocolAccessModule } from '../protocol-access/protocol-access.module.js';
import { AutoconfigController } from './autoconfig.controller.js';
import { DeviceSetupController } from './device-setup.controller.js';
import { DeviceSetupService } from './device-setup.service.js';
import { FirstLoginService } from './first-login.service.js';
import { ProfileSigner } from './profile-signer.js';

/** Setting up mail programs: autoconfiguration, Apple profiles, the phone hand-off, the first-login check. */
@Module({
  imports: [AppPasswordsModule, ProtocolAccessModule],
  controllers: [AutoconfigController, DeviceSetupController],
  providers: [DeviceSetupService, FirstLoginService, ProfileSigner],
})
export class MailSetupModule {}
