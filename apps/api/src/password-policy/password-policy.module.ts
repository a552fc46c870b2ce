import { Module } from '@nestjs/common';
import { PasswordPolicyService } from './password-policy.service.js';

/** The password policy in force; used by password changes (portal) and policy editing (admin). */
@Module({
  providers: [PasswordPolicyService],
  exports: [PasswordPolicyService],
})
export class PasswordPolicyModule {}
