import { Global, Module } from '@nestjs/common';
import { ClusterEventsModule } from '../infrastructure/cluster-events/cluster-events.module.js';
import { GlobalSettingsService } from './global-settings.service.js';

/** Global: mail-auth, the portal (new accounts' defaults) and the admin panel all read the settings. */
@Global()
@Module({ imports: [ClusterEventsModule], providers: [GlobalSettingsService], exports: [GlobalSettingsService] })
export class SettingsModule {}
