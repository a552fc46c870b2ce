import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';

const SIGN_TIMEOUT_MS = 10_000;

/**
 * Signs configuration profiles (CMS/PKCS#7 SignedData with the content inside, DER) with the
 * operator's certificate, through the `openssl cms` command: the system's OpenSSL is maintained
 * with the operating system, and the profile (which holds a password) goes through a pipe, never
 * a file. Without PROFILE_SIGNING_CERT/KEY profiles stay unsigned (iOS shows them as "not verified").
 */
@Injectable()
export class ProfileSigner implements OnModuleInit {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.PROFILE_SIGNING_CERT !== undefined;
  }

  /** Fails the start with a clear message rather than the first download. */
  onModuleInit(): void {
    const { PROFILE_SIGNING_CERT: cert, PROFILE_SIGNING_KEY: key, PROFILE_SIGNING_CHAIN: chain } = this.config;
    if ((cert === undefined) !== (key === undefined)) {
      throw new Error('PROFILE_SIGNING_CERT and PROFILE_SIGNING_KEY must be set together');
    }
    for (const [name, path] of Object.entries({
      PROFILE_SIGNING_CERT: cert,
      PROFILE_SIGNING_KEY: key,
      PROFILE_SIGNING_CHAIN: chain,
    })) {
      if (path === undefined) continue;
      try {
        accessSync(path, constants.R_OK);
      } catch {
        throw new Error(`${name} is not a readable file`);
      }
    }
  }

  async sign(profile: string): Promise<Buffer> {
    const { PROFILE_SIGNING_CERT: cert, PROFILE_SIGNING_KEY: key, PROFILE_SIGNING_CHAIN: chain } = this.config;
    if (cert === undefined || key === undefined) return Buffer.from(profile, 'utf8');
    const args = ['cms', '-sign', '-binary', '-nodetach', '-outform', 'DER', '-signer', cert, '-inkey', key];
    if (chain !== undefined) args.push('-certfile', chain);
    return new Promise((resolve, reject) => {
      const child = execFile(
        'openssl',
        args,
        { encoding: 'buffer', timeout: SIGN_TIMEOUT_MS, maxBuffer: 1_048_576 },
        (error, stdout) => (error ? reject(new Error('profile signing failed')) : resolve(stdout)),
      );
      child.stdin?.end(profile, 'utf8');
    });
  }
}
