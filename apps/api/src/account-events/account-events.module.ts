import { Global, Module } from '@nestjs/common';
import { AccountEventsService } from './account-events.service.js';
import { SecurityChangeService } from './security-change.service.js';

@Global()
@Module({
  providers: [AccountEventsService, SecurityChangeService],
  exports: [AccountEventsService, SecurityChangeService],
})
export class AccountEventsModule {}
