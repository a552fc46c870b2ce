import { Module } from '@nestjs/common';
import { ProtocolAccessModule } from '../protocol-access/protocol-access.module.js';
import { AppPasswordsController } from './app-passwords.controller.js';
import { AppPasswordsService } from './app-passwords.service.js';

@Module({
  imports: [ProtocolAccessModule],
  controllers: [AppPasswordsController],
  providers: [AppPasswordsService],
  exports: [AppPasswordsService],
})
export class AppPasswordsModule {}
