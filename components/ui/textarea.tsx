import type * as React from 'react';
import { controlClasses } from './input';
import { cn } from './utils';

export function Textarea({ className, rows = 3, ...props }: React.ComponentProps<'textarea'>) {
  return (
    <textarea
      data-slot="textarea"
      rows={rows}
      className={cn(controlClasses, 'min-h-20 px-3 py-2 leading-relaxed', className)}
      {...props}
    />
  );
}
