import { Controller, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  APP_PASSWORD_ID_HEADER,
  APPLE_PROFILE_CONTENT_TYPE,
  mailSetupOperations,
  type CreateHandoffResponse,
  type DeviceSettingsResponse,
  type FirstLoginResponse,
} from '@mailgate/contracts';
import { CurrentSession, RequireStepUp } from '../auth/auth.decorators.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import { ContractRoute } from '../infrastructure/common/http/contract-route.decorator.js';
import {
  ContractBody,
  ContractParams,
  type BodyOf,
  type ParamsOf,
} from '../infrastructure/common/http/contract-input.decorator.js';
import { ReqMeta, type RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { DeviceSetupService, type ProfileDownload } from './device-setup.service.js';
import { FirstLoginService } from './first-login.service.js';

@Controller()
export class DeviceSetupController {
  constructor(
    private readonly devices: DeviceSetupService,
    private readonly firstLogins: FirstLoginService,
  ) {}

  @RequireStepUp()
  @ContractRoute(mailSetupOperations.createProfile)
  async createProfile(
    @CurrentSession() session: AuthenticatedSession,
    @ContractBody() body: BodyOf<typeof mailSetupOperations.createProfile>,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return sendProfile(reply, await this.devices.createProfile(session, body, meta));
  }

  @RequireStepUp()
  @ContractRoute(mailSetupOperations.createHandoff)
  createHandoff(
    @CurrentSession() session: AuthenticatedSession,
    @ContractBody() body: BodyOf<typeof mailSetupOperations.createHandoff>,
  ): Promise<CreateHandoffResponse> {
    return this.devices.createHandoff(session.userId, body);
  }

  /** No step-up of its own: the link was made after one, and only this account's session can spend it. */
  @ContractRoute(mailSetupOperations.redeemHandoff)
  async redeemHandoff(
    @CurrentSession() session: AuthenticatedSession,
    @ContractBody() body: BodyOf<typeof mailSetupOperations.redeemHandoff>,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | DeviceSettingsResponse> {
    if (body.as === 'settings') {
      return this.devices.redeemHandoff(session, body.token, (setup) =>
        this.devices.createSettings(session, setup, meta),
      );
    }
    const download = await this.devices.redeemHandoff(session, body.token, (setup) =>
      this.devices.createProfile(session, setup, meta),
    );
    return sendProfile(reply, download);
  }

  @ContractRoute(mailSetupOperations.firstLogin)
  firstLogin(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof mailSetupOperations.firstLogin>,
  ): Promise<FirstLoginResponse> {
    return this.firstLogins.check(session.userId, params.id);
  }
}

/** The file itself as the answer: a download, never cached (it holds a password). */
function sendProfile(reply: FastifyReply, download: ProfileDownload): Buffer {
  void reply
    .header('content-type', APPLE_PROFILE_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${download.fileName}"`)
    .header(APP_PASSWORD_ID_HEADER, download.appPasswordId);
  return download.body;
}
