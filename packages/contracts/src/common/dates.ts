import { z } from 'zod';

// Instants a date input may name. JavaScript dates reach ±275760 and PostgreSQL's timestamptz has
// no year 0, but what breaks first is the driver: a year beyond 9999 or before 1 is written in a
// form PostgreSQL refuses, which surfaced as a 500. Nothing Mailgate stores predates 1970.
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(10000, 0, 1) - 1;

/**
 * A date and time sent by a client (ISO 8601 with an offset), between 1970 and the end of 9999 in
 * UTC. Every request field that reaches a query or a column uses this, never a bare
 * `z.iso.datetime()`.
 */
export const ZDateTimeInput = z.iso
  // `abort`: a malformed value gets one issue, not also "out of range".
  .datetime({ offset: true, abort: true })
  .refine(
    (value) => {
      const time = Date.parse(value);
      return time >= EARLIEST && time <= LATEST;
    },
    { message: 'Use a date between 1970 and 9999.' },
  )
  .meta({ description: 'ISO 8601 with offset, between 1970-01-01 and 9999-12-31 (UTC).' });
