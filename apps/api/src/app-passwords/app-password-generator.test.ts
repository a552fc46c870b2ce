import { describe, expect, it } from 'vitest';
import {
  APP_PASSWORD_ALPHABET,
  formatAppPassword,
  looksLikeAppPassword,
  normaliseAppPassword,
} from '@mailgate/contracts';
import { generateAppPassword } from './app-password-generator.js';

describe('app password format', () => {
  it('has at least 120 bits from an alphabet without look-alikes', () => {
    expect(new Set(APP_PASSWORD_ALPHABET).size).toBe(32);
    for (const lookAlike of ['0', 'O', '1', 'I']) expect(APP_PASSWORD_ALPHABET).not.toContain(lookAlike);
    const secret = generateAppPassword();
    expect(secret).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{24}$/);
    expect(secret.length * Math.log2(APP_PASSWORD_ALPHABET.length)).toBeGreaterThanOrEqual(120);
  });

  it('draws every symbol, with no two secrets alike', () => {
    const secrets = Array.from({ length: 400 }, generateAppPassword);
    expect(new Set(secrets).size).toBe(secrets.length);
    const seen = new Set(secrets.join(''));
    expect(seen.size).toBe(32);
  });

  it('is shown in groups of four and accepted in any case and spacing', () => {
    const secret = generateAppPassword();
    const shown = formatAppPassword(secret);
    expect(shown).toMatch(/^([A-Z2-9]{4}-){5}[A-Z2-9]{4}$/);
    expect(normaliseAppPassword(shown)).toBe(secret);
    const typed = shown.toLowerCase().replaceAll('-', ' ').replace(' ', '\t ');
    expect(normaliseAppPassword(typed)).toBe(secret);
    expect(looksLikeAppPassword(normaliseAppPassword(typed))).toBe(true);
    expect(looksLikeAppPassword('correct-horse')).toBe(false);
    expect(looksLikeAppPassword(`${secret}A`)).toBe(false);
  });
});
