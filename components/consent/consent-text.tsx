import { parseConsentText } from '@/lib/consent';

/**
 * The consent text, rendered from its Markdown subset as plain elements (never as HTML). It sits
 * in a focusable scroll box so keyboard users can scroll it too.
 */
export function ConsentText({
  markdown,
  id,
  headingLevel = 3,
}: {
  markdown: string;
  id: string;
  /** Level of the text's title; its sections are one below. */
  headingLevel?: 2 | 3 | 4 | 5;
}) {
  const { title, blocks } = parseConsentText(markdown);
  const Title = `h${headingLevel}` as 'h2' | 'h3' | 'h4' | 'h5';
  const Section = `h${headingLevel + 1}` as 'h3' | 'h4' | 'h5' | 'h6';
  return (
    <section
      id={id}
      aria-label={title || 'Consent text'}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      className="max-h-80 overflow-y-auto rounded-md border bg-muted/40 p-4 text-sm leading-relaxed focus-visible:outline-2 focus-visible:outline-ring"
    >
      {title ? <Title className="mb-2 text-base font-semibold">{title}</Title> : null}
      <div className="grid gap-2">
        {blocks.map((block, i) => {
          const key = `${block.kind}-${i}`;
          if (block.kind === 'heading') {
            return (
              <Section key={key} className="mt-2 font-semibold">
                {block.text}
              </Section>
            );
          }
          if (block.kind === 'list') {
            return (
              <ul key={key} className="grid list-disc gap-1 pl-5">
                {block.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            );
          }
          return <p key={key}>{block.text}</p>;
        })}
      </div>
    </section>
  );
}
