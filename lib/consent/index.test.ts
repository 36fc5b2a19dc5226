import { describe, expect, it } from 'vitest';
import { CONSENT_VERSIONS, CURRENT_CONSENT_VERSION, isConsentVersion, parseConsentText } from '.';

describe('consent versions', () => {
  it('the current version is the newest and is recognised; others are not', () => {
    expect(CURRENT_CONSENT_VERSION).toBe(CONSENT_VERSIONS.at(-1));
    expect(isConsentVersion(CURRENT_CONSENT_VERSION)).toBe(true);
    expect(isConsentVersion('../../etc/passwd')).toBe(false);
    expect(isConsentVersion('1999-01-01')).toBe(false);
  });
});

describe('parseConsentText', () => {
  it('reads the title, headings, paragraphs and lists with continuation lines', () => {
    const parsed = parseConsentText(
      [
        '# Title here',
        '',
        'First line',
        'second line.',
        '',
        '## Section',
        '',
        '- one',
        '  continued',
        '- two',
        'After the list.',
      ].join('\n'),
    );
    expect(parsed).toEqual({
      title: 'Title here',
      blocks: [
        { kind: 'paragraph', text: 'First line second line.' },
        { kind: 'heading', text: 'Section' },
        { kind: 'list', items: ['one continued', 'two'] },
        { kind: 'paragraph', text: 'After the list.' },
      ],
    });
  });

  it('keeps markup as text', () => {
    const parsed = parseConsentText('<script>alert(1)</script>');
    expect(parsed.blocks).toEqual([{ kind: 'paragraph', text: '<script>alert(1)</script>' }]);
  });
});
