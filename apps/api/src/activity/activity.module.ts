import { Module } from '@nestjs/common';
import { LoginAttemptsModule } from '../login-attempts/login-attempts.module.js';
import { ActivityController } from './activity.controller.js';
import { ActivityService } from './activity.service.js';

@Module({ imports: [LoginAttemptsModule], controllers: [ActivityController], providers: [ActivityService] })
export class ActivityModule {}
