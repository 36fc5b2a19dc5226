/**
 * Consent versions (security.md check 23). The text of each version lives in
 * `content/consent/<version>.md`; the server reads it (server/services/consents/consent-text.ts)
 * and hands it to the browser, which renders it with `parseConsentText`.
 *
 * Policy: a consent given to an earlier published version stays valid until the athlete withdraws
 * it. A new version is only published for wording that does not widen what is collected or who
 * sees it; a change that does must also withdraw earlier consents (a migration), so every athlete
 * is asked again. New consents are always recorded against the current version.
 */
export const CONSENT_VERSIONS = ['2026-11-01'] as const;
export type ConsentVersion = (typeof CONSENT_VERSIONS)[number];
export const CURRENT_CONSENT_VERSION: ConsentVersion =
  CONSENT_VERSIONS[CONSENT_VERSIONS.length - 1]!;

export function isConsentVersion(value: string): value is ConsentVersion {
  return (CONSENT_VERSIONS as readonly string[]).includes(value);
}

export type ConsentBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] };

export interface ParsedConsentText {
  title: string;
  blocks: ConsentBlock[];
}

/**
 * Parses the small Markdown subset the consent texts use: one `# title`, `## headings`,
 * paragraphs and `- ` lists (continuation lines indented). Anything else is kept as plain text,
 * never as HTML, so the text cannot inject markup.
 */
export function parseConsentText(markdown: string): ParsedConsentText {
  let title = '';
  const blocks: ConsentBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;

  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
    if (list) blocks.push({ kind: 'list', items: list });
    list = null;
  };

  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('# ')) {
      flush();
      title = line.slice(2).trim();
    } else if (line.startsWith('## ')) {
      flush();
      blocks.push({ kind: 'heading', text: line.slice(3).trim() });
    } else if (line.startsWith('- ')) {
      if (paragraph.length) {
        blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
        paragraph = [];
      }
      list ??= [];
      list.push(line.slice(2).trim());
    } else if (list && /^\s+/.test(line)) {
      list[list.length - 1] = `${list[list.length - 1]} ${line.trim()}`;
    } else {
      if (list) {
        blocks.push({ kind: 'list', items: list });
        list = null;
      }
      paragraph.push(line.trim());
    }
  }
  flush();
  return { title, blocks };
}
