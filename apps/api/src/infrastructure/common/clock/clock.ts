import { Injectable } from '@nestjs/common';

/**
 * The current time, as a provider so tests can move it (lock expiries, retention) without
 * waiting: `vi.spyOn(app.get(Clock), 'now').mockReturnValue(later)`.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
