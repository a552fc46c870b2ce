import { Global, Module } from '@nestjs/common';
import { AccountEventsService } from './account-events.service.js';

@Global()
@Module({ providers: [AccountEventsService], exports: [AccountEventsService] })
export class AccountEventsModule {}
