/** Plain-language names of audit actions, for the admin's audit log and its CSV export. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'view.board': 'Viewed a squad board',
  'view.athlete': 'Viewed an athlete’s details',
  'view.athlete_row': 'Viewed an athlete’s board row',
  'view.checkins': 'Viewed check-ins',
  'view.club_overview': 'Viewed club overview with health levels',
  'export.self': 'Exported own data',
  'settings.update': 'Changed club settings',
  'team.create': 'Created a team',
  'team.rename': 'Renamed a team',
  'team.archive': 'Archived a team',
  'team.unarchive': 'Restored a team',
  'member.role_change': 'Changed a role',
  'member.coach_assign': 'Assigned a coach',
  'member.coach_unassign': 'Unassigned a coach',
  'member.move': 'Moved an athlete',
  'member.deactivate': 'Deactivated a membership',
  'member.reactivate': 'Reactivated a membership',
  'member.remove': 'Removed a membership',
  'member.password_reset_link': 'Issued a password-reset link',
  'auth.password_reset': 'Reset own password',
  'auth.password_reset_request': 'Asked for a password-reset link by email',
};

/** Known actions by their label; unknown ones (added by later features) by their code. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
