import { describe, expect, it } from 'vitest';
import { CONSENT_VERSIONS, parseConsentText } from '@/lib/consent';
import { readConsentText } from './consent-text';

describe('readConsentText', () => {
  it('every published version has its text, with the sections the athlete must read', async () => {
    for (const version of CONSENT_VERSIONS) {
      const parsed = parseConsentText(await readConsentText(version));
      expect(parsed.title, version).not.toBe('');
      const headings = parsed.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
      expect(headings, version).toEqual(
        expect.arrayContaining(['What we collect', 'Who sees it', 'Withdrawing']),
      );
    }
  });

  it('reads only published versions (no path from the input)', async () => {
    await expect(readConsentText('../../package')).rejects.toThrow(/unknown consent version/);
  });
});
