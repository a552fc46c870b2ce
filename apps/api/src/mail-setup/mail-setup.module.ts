import { Module } from '@nestjs/common';
import { AutoconfigController } from './autoconfig.controller.js';

/** Setting up mail programs: autoconfiguration, Apple profiles, the phone hand-off, the first-login check. */
@Module({
  controllers: [AutoconfigController],
})
export class MailSetupModule {}
