import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type ConsentVersion, isConsentVersion } from '@/lib/consent';

const cache = new Map<ConsentVersion, Promise<string>>();

/**
 * The Markdown text of a published consent version, from `content/consent/<version>.md` (read at
 * run time from the app's root, so the text is the file in the repository, not a copy). Only
 * versions listed in lib/consent are read.
 */
export function readConsentText(version: string): Promise<string> {
  if (!isConsentVersion(version)) {
    return Promise.reject(new Error(`unknown consent version ${JSON.stringify(version)}`));
  }
  let text = cache.get(version);
  if (!text) {
    text = readFile(path.join(process.cwd(), 'content', 'consent', `${version}.md`), 'utf8');
    text.catch(() => cache.delete(version));
    cache.set(version, text);
  }
  return text;
}
