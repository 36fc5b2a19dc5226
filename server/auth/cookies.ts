/** Behind HTTPS the session cookie is Secure with the `__Secure-` prefix (Auth.js's convention). */
export function secureCookiesEnabled(appUrl: string = process.env.AUTH_URL ?? ''): boolean {
  return appUrl.startsWith('https://');
}

export function sessionCookieName(secure = secureCookiesEnabled()): string {
  return secure ? '__Secure-authjs.session-token' : 'authjs.session-token';
}
