import { readFileSync } from 'node:fs';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { METRIC_DEFINITIONS } from './metric-definitions.js';

const deployFile = (path: string) => readFileSync(new URL(`../../../../../deploy/${path}`, import.meta.url), 'utf8');

const PROMQL_WORDS = new Set([
  'and',
  'or',
  'unless',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
  'inf',
  'nan',
]);

/**
 * The metric names a PromQL expression reads: identifiers left after dropping strings, label
 * matchers, grouping clauses, ranges, function calls and numbers.
 */
function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ');
  return [...bare.matchAll(/(?<![\w.$])([a-zA-Z_:][\w:]*)(\s*\()?/g)]
    .filter(([, name, call]) => !call && !PROMQL_WORDS.has(name!.toLowerCase()))
    .map(([, name]) => name!);
}

/** Every series name Mailgate exports: its own metrics (histograms with their suffixes) and prom-client's. */
function exportedNames(): Set<string> {
  const names = new Set<string>(['up']); // added by Prometheus to every scrape target
  for (const definition of Object.values(METRIC_DEFINITIONS)) {
    names.add(definition.name);
    if (definition.type === 'histogram')
      for (const suffix of ['_bucket', '_sum', '_count']) names.add(definition.name + suffix);
  }
  const defaults = new Registry();
  collectDefaultMetrics({ register: defaults });
  for (const metric of defaults.getMetricsAsArray()) {
    names.add(metric.name);
    if (metric.constructor.name === 'Histogram')
      for (const suffix of ['_bucket', '_sum', '_count']) names.add(metric.name + suffix);
  }
  return names;
}

describe('metric names', () => {
  it('are read correctly from PromQL (the checker itself)', () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.95, sum by (le) (rate(mailgate_x_bucket{instance=~"$instance", a="b(c)"}[$__rate_interval]))) / on(pool) group_left up > 0 and nodejs_y',
      ),
    ).toEqual(['mailgate_x_bucket', 'up', 'nodejs_y']);
  });

  it('are unique, with the mailgate_ prefix, and counters end in _total', () => {
    const definitions = Object.values(METRIC_DEFINITIONS);
    expect(new Set(definitions.map((definition) => definition.name)).size).toBe(definitions.length);
    for (const definition of definitions) {
      expect(definition.name).toMatch(/^mailgate_[a-z_]+$/);
      expect(definition.name.endsWith('_total')).toBe(definition.type === 'counter');
    }
  });
});

describe('deploy/prometheus/alerts.yml', () => {
  const rules = parse(deployFile('prometheus/alerts.yml')) as {
    groups: { name: string; rules: { alert: string; expr: string; labels?: { severity?: string } }[] }[];
  };
  const byAlert = new Map(rules.groups.flatMap((group) => group.rules.map((rule) => [rule.alert, rule] as const)));

  it('has the groups and the alerts an operator needs', () => {
    expect(rules.groups.map((group) => group.name)).toEqual([
      'mailgate-mail-auth',
      'mailgate-login-attempts',
      'mailgate-runtime',
    ]);
    expect(byAlert.get('MailgateTempfails')?.expr).toMatch(/rate\(mailgate_mail_tempfails_total\[\w+\]\)\) > 0$/);
    expect(byAlert.get('MailgateLockStorm')?.expr).toContain('mailgate_auth_locks_set_total');
    expect(byAlert.get('MailgateDoveadmFailures')?.expr).toContain(
      'mailgate_doveadm_calls_total{result=~"failed|unreachable"}',
    );
    expect(byAlert.get('MailgateAttemptQueueGrowing')?.expr).toContain('deriv(mailgate_login_attempts_queue_depth');
    for (const rule of byAlert.values()) expect(rule.labels?.severity).toMatch(/^(critical|warning)$/);
  });

  it('reads only metrics Mailgate exports', () => {
    const exported = exportedNames();
    const unknown = [...byAlert.values()].flatMap((rule) =>
      metricNamesIn(rule.expr)
        .filter((name) => !exported.has(name))
        .map((name) => `${rule.alert}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('deploy/grafana/mailgate.json', () => {
  const dashboard = JSON.parse(deployFile('grafana/mailgate.json')) as {
    panels: { type: string; title: string; targets?: { expr: string }[] }[];
    templating: { list: { definition?: string }[] };
  };
  const queries = [
    ...dashboard.panels.flatMap((panel) =>
      (panel.targets ?? []).map((target) => ({ where: panel.title, expr: target.expr })),
    ),
    ...dashboard.templating.list.flatMap((variable) =>
      variable.definition
        ? [{ where: 'variables', expr: variable.definition.replace(/^label_values\((\w+),.*$/, '$1') }]
        : [],
    ),
  ];

  it('queries only metrics Mailgate exports', () => {
    const exported = exportedNames();
    const unknown = queries.flatMap(({ where, expr }) =>
      metricNamesIn(expr)
        .filter((name) => !exported.has(name))
        .map((name) => `${where}: ${name}`),
    );
    expect(queries.length).toBeGreaterThan(10);
    expect(unknown).toEqual([]);
  });

  it('shows every Mailgate metric and the event-loop lag on some panel', () => {
    const read = new Set(queries.flatMap(({ expr }) => metricNamesIn(expr)));
    const family = (name: string) => name.replace(/_(bucket|sum|count)$/, '');
    const shown = new Set([...read].map(family));
    const missing = Object.values(METRIC_DEFINITIONS)
      .map((definition) => definition.name)
      .filter((name) => !shown.has(name));
    expect(missing).toEqual([]);
    expect(read.has('nodejs_eventloop_lag_p99_seconds')).toBe(true);
  });
});
