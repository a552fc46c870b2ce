import { Module } from '@nestjs/common';
import { AccountNoticesController } from './account-notices.controller.js';
import { AccountNoticesService } from './account-notices.service.js';

@Module({ controllers: [AccountNoticesController], providers: [AccountNoticesService] })
export class AccountNoticesModule {}
