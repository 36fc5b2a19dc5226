import { describe, expect, it } from 'vitest';
import { IMPORT_MAX_ROWS, readRosterFile } from './roster-import';

describe('readRosterFile', () => {
  it('reads columns by header name in any order, trimming cells and keeping spreadsheet line numbers', () => {
    const text =
      'Role,Email,Name,Team,Notes\n athlete , a@x.org , Ann ,Road Squad,x\n\ncoach,b@x.org,Bo,Track Squad,\n';
    expect(readRosterFile(text)).toEqual({
      fileErrors: [],
      rows: [
        { line: 2, name: 'Ann', email: 'a@x.org', team: 'Road Squad', role: 'athlete' },
        { line: 4, name: 'Bo', email: 'b@x.org', team: 'Track Squad', role: 'coach' },
      ],
    });
  });

  it('leaves role empty when the column is missing (it defaults to athlete later)', () => {
    expect(readRosterFile('name,email,team\nAnn,a@x.org,A').rows[0]).toMatchObject({ role: '' });
  });

  it('names what is wrong with the file as a whole', () => {
    expect(readRosterFile('').fileErrors).toEqual(['The file is empty.']);
    expect(readRosterFile('name,mail\nAnn,a@x.org').fileErrors[0]).toContain(
      'missing: email, team',
    );
    expect(readRosterFile('name,email,team\n').fileErrors).toEqual([
      'The file has no rows under its header.',
    ]);
    const big = `name,email,team\n${'A,a@x.org,T\n'.repeat(IMPORT_MAX_ROWS + 1)}`;
    expect(readRosterFile(big).fileErrors[0]).toContain(`At most ${IMPORT_MAX_ROWS} people`);
    expect(readRosterFile('x'.repeat(300 * 1024)).fileErrors[0]).toContain('256 KB');
  });
});
