import { Module } from '@nestjs/common';
import { LoginAttemptRecorder } from './login-attempt-recorder.js';
import { LoginAttemptsPruner } from './login-attempts-pruner.js';
import { LoginAttemptsService } from './login-attempts.service.js';
import { NewMailDeviceNotices } from '../notices/new-mail-device.notices.js';

/**
 * The recorder writes through its own connection pool and flushes on shutdown; the reading
 * service and the pruner use Prisma. Not global: import it where needed (mail-auth does).
 */
@Module({
  providers: [LoginAttemptRecorder, LoginAttemptsService, LoginAttemptsPruner, NewMailDeviceNotices],
  exports: [LoginAttemptRecorder, LoginAttemptsService, LoginAttemptsPruner],
})
export class LoginAttemptsModule {}
