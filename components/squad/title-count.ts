/** The tab title with a count of unseen new reds: "(2) Road Squad · Loadline" (pure). */
const PREFIX = /^\(\d+\)\s+/;

export function titleWithCount(title: string, count: number): string {
  const base = title.replace(PREFIX, '');
  return count > 0 ? `(${count}) ${base}` : base;
}
