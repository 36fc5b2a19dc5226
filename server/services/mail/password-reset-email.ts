import { escapeHtml } from './escape-html';
/** The "forgot your password" email: plain text first, simple HTML too. */
export function passwordResetEmail(input: { name: string; link: string; expiresAt: Date }): {
  subject: string;
  text: string;
  html: string;
} {
  const expires = input.expiresAt.toUTCString().replace(/:\d\d GMT$/, ' UTC');
  const text = [
    `Hello ${input.name},`,
    '',
    'Someone asked to reset the password of your Loadline account. To choose a new one, open this link (it works once):',
    input.link,
    '',
    `The link expires on ${expires}. You will be signed out on every device.`,
    '',
    'If you did not ask for this, ignore this email: your password stays as it is.',
  ].join('\n');
  const html = [
    `<p>Hello ${escapeHtml(input.name)},</p>`,
    '<p>Someone asked to reset the password of your Loadline account.</p>',
    `<p><a href="${escapeHtml(input.link)}">Choose a new password</a> (the link works once)</p>`,
    `<p>Or copy this address into your browser:<br>${escapeHtml(input.link)}</p>`,
    `<p>The link expires on ${escapeHtml(expires)}. You will be signed out on every device.</p>`,
    '<p>If you did not ask for this, ignore this email: your password stays as it is.</p>',
  ].join('\n');
  return { subject: 'Reset your Loadline password', text, html };
}
