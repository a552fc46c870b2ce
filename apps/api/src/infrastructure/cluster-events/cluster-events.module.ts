import { Global, Module } from '@nestjs/common';
import { ClusterEventsService } from './cluster-events.service.js';

@Global()
@Module({ providers: [ClusterEventsService], exports: [ClusterEventsService] })
export class ClusterEventsModule {}
