import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule } from '../infrastructure/config/config.module.js';
import type { AppConfig } from '../infrastructure/config/config.js';
import { DatabaseModule } from '../infrastructure/database/database.module.js';
import { CryptoModule } from '../infrastructure/common/crypto/crypto.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ClusterEventsModule } from '../infrastructure/cluster-events/cluster-events.module.js';
import { ServiceTokensModule } from '../service-tokens/service-tokens.module.js';
import { ServiceTokensService } from '../service-tokens/service-tokens.service.js';
import { AppError } from '../infrastructure/common/http/app-error.js';
import { SYSTEM_ACTOR } from '../audit/audit.types.js';

/** Only what token management needs: no HTTP server, no Redis, no mail-auth caches. */
@Module({})
class MailgateCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: MailgateCliModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        CryptoModule,
        AuditModule,
        ClusterEventsModule,
        ServiceTokensModule,
      ],
    };
  }
}

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = [
  'usage: npm run mailgate -- token create <name>   create a mail-server token (printed once)',
  '       npm run mailgate -- token list            list tokens (never the tokens themselves)',
  '       npm run mailgate -- token revoke <name>   revoke a token at once, on every API instance',
].join('\n');

/** Runs one CLI command; returns the process exit code (0 ok, 1 failed, 2 usage). */
export async function runMailgateCli(argv: readonly string[], config: AppConfig, output: CliOutput): Promise<number> {
  const [area, command, name, ...rest] = argv;
  const needsName = command === 'create' || command === 'revoke';
  if (
    area !== 'token' ||
    !['create', 'list', 'revoke'].includes(command ?? '') ||
    (needsName && !name) ||
    rest.length > 0
  ) {
    output.err(USAGE);
    return 2;
  }
  const context = await NestFactory.createApplicationContext(MailgateCliModule.forRoot(config), {
    logger: ['error'],
    abortOnError: false,
  });
  try {
    const tokens = context.get(ServiceTokensService);
    if (command === 'create') {
      const created = await tokens.create({ name: name as string, actor: SYSTEM_ACTOR, meta: null });
      output.err(`Created service token "${name}". It is shown only now; store it in the mail server's configuration:`);
      output.out(created.token);
    } else if (command === 'list') {
      const list = await tokens.list();
      if (list.length === 0) output.err('No service tokens yet.');
      for (const token of list) {
        const state = token.revokedAt ? `revoked ${token.revokedAt}` : 'active';
        output.out(`${token.name}\tcreated ${token.createdAt}\tlast used ${token.lastUsedAt ?? 'never'}\t${state}`);
      }
    } else {
      const token = (await tokens.list()).find((candidate) => candidate.name === name);
      if (!token) {
        output.err(`No service token is named "${name}".`);
        return 1;
      }
      await tokens.revoke({ id: token.id, actor: SYSTEM_ACTOR, meta: null });
      output.err(`Revoked service token "${name}".`);
    }
    return 0;
  } catch (error) {
    output.err(error instanceof AppError ? error.message : `Failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await context.close();
  }
}
