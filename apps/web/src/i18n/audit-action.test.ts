import { describe, expect, it } from 'vitest';
import { knownActionPath } from './audit-action';

describe('knownActionPath', () => {
  const texts = { protocol_access: { enabled: '{{protocol}} on' } };

  it('names an action the catalogue has', () => {
    expect(knownActionPath(texts, 'protocol_access.enabled')).toBe('protocol_access.enabled');
  });

  it('refuses unknown, partial, deeper and inherited names', () => {
    for (const action of [
      'protocol_access.disabled',
      'protocol_access',
      'protocol_access.enabled.x',
      '',
      'constructor.name',
    ]) {
      expect(knownActionPath(texts, action), action).toBeNull();
    }
  });
});
