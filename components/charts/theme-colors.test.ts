import { describe, expect, it } from 'vitest';
import { readCssColor, withAlpha } from './theme-colors';

describe('withAlpha', () => {
  it('turns #rrggbb and #rgb into rgba()', () => {
    expect(withAlpha('#2456d6', 0.5)).toBe('rgba(36, 86, 214, 0.5)');
    expect(withAlpha('#fff', 0.25)).toBe('rgba(255, 255, 255, 0.25)');
  });

  it('leaves colours it cannot parse alone (the canvas still gets a valid colour)', () => {
    expect(withAlpha('rgb(1, 2, 3)', 0.5)).toBe('rgb(1, 2, 3)');
    expect(withAlpha('#12345', 0.5)).toBe('#12345');
  });
});

describe('readCssColor', () => {
  it('falls back outside the browser (server render)', () => {
    expect(readCssColor('--primary', '#000000')).toBe('#000000');
  });
});
