import { generate } from 'otplib';

const STEP_SECONDS = 30;
/** A code is typed and checked within this long; a step about to leave the window is not used. */
const SAFETY_SECONDS = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An authenticator app for tests. The server accepts each TOTP time step once (replay refusal),
 * and the steps just before and after the current one (±30 s). So three codes in a row are
 * available without waiting: the previous step's, the current one's and the next one's. Only a
 * test that needs more waits for the clock.
 */
export class TotpDevice {
  private lastStep = -Infinity;

  constructor(private readonly secret: string) {}

  async nextCode(): Promise<string> {
    for (;;) {
      const nowSeconds = Date.now() / 1000;
      const currentStep = Math.floor(nowSeconds / STEP_SECONDS);
      const secondsLeftInStep = (currentStep + 1) * STEP_SECONDS - nowSeconds;
      const step = Math.max(currentStep - 1, this.lastStep + 1);
      // The previous step's code stops working when the current step ends; only use it with time to spare.
      const tooLate = step === currentStep - 1 && secondsLeftInStep < SAFETY_SECONDS;
      if (step <= currentStep + 1 && !tooLate) {
        this.lastStep = step;
        return generate({ secret: this.secret, epoch: step * STEP_SECONDS });
      }
      await sleep(secondsLeftInStep * 1000 + 200);
    }
  }
}

/** The base32 secret from a manual key as shown to users ("ABCD EFGH …"). */
export function secretFromManualKey(manualKey: string): string {
  return manualKey.replace(/[\s-]+/g, '').toUpperCase();
}
