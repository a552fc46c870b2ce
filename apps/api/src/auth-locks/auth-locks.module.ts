import { Module } from '@nestjs/common';
import { AuthLocksService } from './auth-locks.service.js';

// Interim module from the admin branch; the mail branch's module replaces it at merge.
@Module({ providers: [AuthLocksService], exports: [AuthLocksService] })
export class AuthLocksModule {}
