'use client';
import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { Button, type ButtonProps } from '@/components/ui/button';

/** Copies `text`; says so in words (announced) for a moment. */
export function CopyButton({
  text,
  label = 'Copy link',
  ...props
}: { text: string; label?: string } & Omit<ButtonProps, 'onClick' | 'children'>) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <Button
      variant="outline"
      size="sm"
      {...props}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
        } catch {
          setCopied(false);
        }
        setTimeout(() => setCopied(null), 2500);
      }}
    >
      {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
      <span aria-live="polite">
        {copied === true ? 'Copied' : copied === false ? 'Select and copy it' : label}
      </span>
    </Button>
  );
}
