import { Module } from '@nestjs/common';
import { PasswordPolicyService } from './password-policy.service.js';

// Interim module from the admin branch; the portal branch's module replaces it at merge.
@Module({ providers: [PasswordPolicyService], exports: [PasswordPolicyService] })
export class PasswordPolicyModule {}
