import { Module } from '@nestjs/common';
import { LoginAttemptsService } from './login-attempts.service.js';

// Interim module from the admin branch; the mail branch's module replaces it at merge.
@Module({ providers: [LoginAttemptsService], exports: [LoginAttemptsService] })
export class LoginAttemptsModule {}
