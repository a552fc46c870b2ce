import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { looksLikeAppPassword, normaliseAppPassword, type AppPasswordView, type Protocol } from '@mailgate/contracts';
import { toAppPasswordView } from '../../src/app-passwords/app-password.view.js';
import { SecretKeyring } from '../../src/infrastructure/common/crypto/secret-keyring.js';
import { PrismaService } from '../../src/infrastructure/database/prisma.service.js';

export interface AppPasswordMatch {
  readonly id: string;
  readonly scopes: Protocol[];
  readonly status: AppPasswordView['status'];
}

/**
 * This user's app password for a secret as typed (any case, spaces or dashes), with its status, so
 * a test can tell "revoked" from "wrong"; null when nothing matches. Only tests ask this way: the
 * product checks app passwords in mail-auth's CredentialVerifier, over the same keyed hash.
 */
export async function findAppPassword(
  app: NestFastifyApplication,
  userId: string,
  secret: string,
  now: Date = new Date(),
): Promise<AppPasswordMatch | null> {
  const normalised = normaliseAppPassword(secret);
  if (!looksLikeAppPassword(normalised)) return null;
  const row = await app.get(PrismaService).appPassword.findFirst({
    where: { userId, secretHash: { in: app.get(SecretKeyring).candidateHashes('app-password', normalised) } },
    omit: { secretHash: true },
  });
  if (!row) return null;
  return { id: row.id, scopes: row.scopes, status: toAppPasswordView(row, now).status };
}
