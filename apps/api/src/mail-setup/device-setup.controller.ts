import { Body, Controller, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  APP_PASSWORD_ID_HEADER,
  APPLE_PROFILE_CONTENT_TYPE,
  ZDeviceSetupRequest,
  ZFirstLoginParams,
  ZRedeemHandoffRequest,
  mailSetupOperations,
  type CreateHandoffResponse,
  type DeviceSettingsResponse,
  type FirstLoginResponse,
} from '@mailgate/contracts';
import type { z } from 'zod';
import { CurrentSession, RequireStepUp } from '../auth/auth.decorators.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import { ContractRoute } from '../common/http/contract-route.decorator.js';
import { ReqMeta, type RequestMeta } from '../common/http/request-meta.js';
import { validate } from '../common/validation/zod-validation.pipe.js';
import { DeviceSetupService, type ProfileDownload } from './device-setup.service.js';
import { FirstLoginService } from './first-login.service.js';

type SetupBody = z.output<typeof ZDeviceSetupRequest>;

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
    @Body(validate(ZDeviceSetupRequest)) body: SetupBody,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return sendProfile(reply, await this.devices.createProfile(session, body, meta));
  }

  @RequireStepUp()
  @ContractRoute(mailSetupOperations.createHandoff)
  createHandoff(
    @CurrentSession() session: AuthenticatedSession,
    @Body(validate(ZDeviceSetupRequest)) body: SetupBody,
  ): Promise<CreateHandoffResponse> {
    return this.devices.createHandoff(session.userId, body);
  }

  /** No step-up of its own: the link was made after one, and only this account's session can spend it. */
  @ContractRoute(mailSetupOperations.redeemHandoff)
  async redeemHandoff(
    @CurrentSession() session: AuthenticatedSession,
    @Body(validate(ZRedeemHandoffRequest)) body: z.output<typeof ZRedeemHandoffRequest>,
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
    @Param(validate(ZFirstLoginParams)) params: z.output<typeof ZFirstLoginParams>,
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
