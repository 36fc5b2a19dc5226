const dateFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

export const formatDateTime = (date: Date) => dateFormat.format(date);

export function roleLabel(role: 'admin' | 'coach' | 'athlete'): string {
  return role === 'admin' ? 'Club admin' : role === 'coach' ? 'Coach' : 'Athlete';
}

export const EMAIL_STATUS_TEXT = {
  not_configured: 'Email is not set up on this server: send the link yourself.',
  sent: 'The invitation email was sent.',
  sending: 'The invitation email is on its way.',
  failed: 'The invitation email could not be sent: send the link yourself.',
} as const;
