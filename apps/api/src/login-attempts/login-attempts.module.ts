import { Module } from '@nestjs/common';
import { LoginAttemptRecorder } from './login-attempt-recorder.js';
import { LoginAttemptsPruner } from './login-attempts-pruner.js';
import { LoginAttemptsService } from './login-attempts.service.js';

/**
 * Not global on purpose: Nest destroys non-global modules before the global database module,
 * so the recorder's final flush still has its connection. Import it where needed.
 */
@Module({
  providers: [LoginAttemptRecorder, LoginAttemptsService, LoginAttemptsPruner],
  exports: [LoginAttemptRecorder, LoginAttemptsService, LoginAttemptsPruner],
})
export class LoginAttemptsModule {}
