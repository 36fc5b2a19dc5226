'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { jsonMutationHeaders } from '@/lib/http';

/** Signs out and reloads this page, so the invitation can be opened as the right person. */
export function SignOutHere({ label = 'Sign out' }: { label?: string }) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      <Button
        variant="outline"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const res = await fetch('/api/auth/logout', {
            method: 'POST',
            headers: { ...jsonMutationHeaders },
            body: '{}',
            credentials: 'same-origin',
          }).catch(() => null);
          if (res && (res.ok || res.status === 401)) window.location.reload();
          else {
            setFailed(true);
            setPending(false);
          }
        }}
      >
        {pending ? 'Signing out…' : label}
      </Button>
      {failed ? (
        <p role="alert" className="text-sm text-destructive">
          Could not sign out. Check your connection and try again.
        </p>
      ) : null}
    </div>
  );
}
