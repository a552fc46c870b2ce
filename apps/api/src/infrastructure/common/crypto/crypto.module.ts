import { Global, Module } from '@nestjs/common';
import { SecretKeyring } from './secret-keyring.js';

@Global()
@Module({ providers: [SecretKeyring], exports: [SecretKeyring] })
export class CryptoModule {}
