import { Global, Module } from '@nestjs/common';
import { Clock } from '../infrastructure/common/clock/clock.js';
import { MailOutboxService } from './mail-outbox.service.js';
import { MailTransport } from './mail-transport.js';
import { OutboxSenderJob } from './outbox-sender.job.js';

/** Outgoing mail: the transactional outbox (global, any feature enqueues in its transaction) and its sender. */
@Global()
@Module({
  providers: [Clock, MailOutboxService, MailTransport, OutboxSenderJob],
  exports: [MailOutboxService, MailTransport, OutboxSenderJob],
})
export class MailModule {}
