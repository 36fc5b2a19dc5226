import { escapeHtml } from './escape-html';
export interface InviteEmailInput {
  clubName: string;
  teamName: string | null;
  role: 'admin' | 'coach' | 'athlete';
  name: string | null;
  link: string;
  expiresAt: Date;
}

function roleText(input: InviteEmailInput): string {
  if (input.role === 'admin') return 'a club admin';
  return `${input.role === 'coach' ? 'a coach' : 'an athlete'}${input.teamName ? ` of ${input.teamName}` : ''}`;
}

/** The invitation email: plain text first (many club inboxes show only that), simple HTML too. */
export function inviteEmail(input: InviteEmailInput): {
  subject: string;
  text: string;
  html: string;
} {
  const expires = input.expiresAt.toUTCString().replace(/:\d\d GMT$/, ' UTC');
  const greeting = input.name ? `Hello ${input.name},` : 'Hello,';
  const lines = [
    greeting,
    '',
    `You are invited to join ${input.clubName} on Loadline as ${roleText(input)}.`,
    '',
    'Open this link to accept (it works once):',
    input.link,
    '',
    `The link expires on ${expires}. If it has expired, ask your club for a new one.`,
    '',
    'If you did not expect this email, you can ignore it.',
  ];
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>You are invited to join <strong>${escapeHtml(input.clubName)}</strong> on Loadline as ${escapeHtml(roleText(input))}.</p>`,
    `<p><a href="${escapeHtml(input.link)}">Accept the invitation</a> (the link works once)</p>`,
    `<p>Or copy this address into your browser:<br>${escapeHtml(input.link)}</p>`,
    `<p>The link expires on ${escapeHtml(expires)}. If it has expired, ask your club for a new one.</p>`,
    '<p>If you did not expect this email, you can ignore it.</p>',
  ].join('\n');
  return {
    subject: `Your invitation to ${input.clubName} on Loadline`,
    text: lines.join('\n'),
    html,
  };
}
