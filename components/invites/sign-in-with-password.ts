/**
 * Signs a person in right after they set their password on an invitation page, through the same
 * Auth.js credentials callback (and so the same limiter) as the login form.
 */
export async function signInWithPassword(email: string, password: string): Promise<boolean> {
  try {
    const csrf = await fetch('/api/auth/csrf').then(
      (r) => r.json() as Promise<{ csrfToken: string }>,
    );
    const res = await fetch('/api/auth/callback/credentials', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-auth-return-redirect': '1',
      },
      body: new URLSearchParams({ email, password, csrfToken: csrf.csrfToken, callbackUrl: '/' }),
    });
    if (!res.ok) return false;
    const data = (await res.json().catch(() => ({}))) as { url?: string };
    return !!data.url && !new URL(data.url, window.location.origin).searchParams.get('error');
  } catch {
    return false;
  }
}
