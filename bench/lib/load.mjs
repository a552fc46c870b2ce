// autocannon measurements. Scenarios that are compared with each other run interleaved
// (A, B, A, B, …), so a machine whose load drifts during the run skews both sides alike.
import autocannon from 'autocannon';

export const CONNECTIONS = 50;

function runOnce(scenario, seconds) {
  const { url, body, headers = {}, requests } = scenario;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        // A fresh request list per run: setupRequest closures keep their own counters.
        ...(requests ? { requests: requests() } : {}),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Measures named scenarios `{ url, body?, headers?, requests?: () => autocannonRequests }`
 * for `seconds` each in total, split into `rounds` interleaved slices after one warm-up each.
 * `drainMs` lets the server finish requests still queued from the previous slice (argon2id).
 * Non-2xx answers and errors are counted and reported, never hidden.
 */
export async function measureInterleaved(scenarios, { seconds, rounds = 3, warmupSeconds = 2, drainMs = 500 }) {
  const names = Object.keys(scenarios);
  for (const name of names) {
    if (warmupSeconds > 0) await runOnce(scenarios[name], warmupSeconds);
    await pause(drainMs);
  }
  const slices = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const name of names) {
      slices[name].push(await runOnce(scenarios[name], Math.max(1, Math.round(seconds / rounds))));
      await pause(drainMs);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const runs = slices[name];
      const total = runs.reduce((sum, run) => sum + run.requests.total, 0);
      const duration = runs.reduce((sum, run) => sum + run.duration, 0);
      return [
        name,
        {
          requestsPerSecond: total / duration,
          total,
          p50: median(runs.map((run) => run.latency.p50)),
          p99: median(runs.map((run) => run.latency.p99)),
          mean: runs.reduce((sum, run) => sum + run.latency.average * run.requests.total, 0) / Math.max(1, total),
          non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
          errors: runs.reduce((sum, run) => sum + run.errors + run.timeouts, 0),
        },
      ];
    }),
  );
}
