import { describe, expect, it } from 'vitest';
import {
  type BoardViewState,
  DEFAULT_VIEW,
  isFiltered,
  parseViewState,
  writeViewState,
} from './board-url-state';

const parse = (query: string) => parseViewState(new URLSearchParams(query));

describe('board view state in the URL', () => {
  it('an empty query is the default view, and the default view writes nothing', () => {
    expect(parse('')).toEqual(DEFAULT_VIEW);
    expect(writeViewState(DEFAULT_VIEW).toString()).toBe('');
    expect(isFiltered(DEFAULT_VIEW)).toBe(false);
  });

  it('round-trips every setting', () => {
    const state: BoardViewState = {
      sort: { id: 'km7', desc: true },
      levels: ['red', 'amber'],
      openAlertsOnly: true,
      notCheckedInOnly: true,
      query: 'ann lee',
      hidden: ['longest', 'pain'],
      density: 'compact',
    };
    const written = writeViewState(state);
    expect(written.toString()).toBe(
      'sort=km7.desc&level=red%2Camber&alerts=open&missing=1&q=ann+lee&hide=longest%2Cpain&density=compact',
    );
    expect(parseViewState(written)).toEqual(state);
    expect(isFiltered(state)).toBe(true);
  });

  it('drops unknown values instead of failing', () => {
    expect(
      parse('sort=password.desc&level=purple,red,red&hide=name,score&density=huge&alerts=x'),
    ).toEqual({
      ...DEFAULT_VIEW,
      levels: ['red'],
      hidden: ['score'],
    });
    expect(parse('sort=score').sort).toEqual({ id: 'score', desc: false });
  });

  it('writes lists in a canonical order and keeps unrelated parameters', () => {
    const out = writeViewState(
      { ...DEFAULT_VIEW, levels: ['none', 'red'], hidden: ['alert', 'level'] },
      new URLSearchParams('utm=x&sort=name.asc'),
    );
    expect(out.get('utm')).toBe('x');
    expect(out.get('sort')).toBeNull();
    expect(out.get('level')).toBe('red,none');
    expect(out.get('hide')).toBe('level,alert');
  });

  it('limits the search text', () => {
    expect(parse(`q=${'x'.repeat(500)}`).query).toHaveLength(80);
  });
});
