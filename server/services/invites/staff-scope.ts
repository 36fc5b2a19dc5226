import type { Viewer } from '@/server/auth/viewer';

/**
 * What a member of staff may manage, from their active memberships: every team of a club they
 * administer, and the teams they coach. Services filter by it; routers never trust ids alone.
 */
export interface StaffScope {
  userId: string;
  adminClubIds: string[];
  coachTeamIds: string[];
}

export function staffScopeOf(viewer: Viewer): StaffScope {
  return {
    userId: viewer.userId,
    adminClubIds: viewer.memberships.filter((m) => m.role === 'admin').map((m) => m.clubId),
    coachTeamIds: viewer.memberships
      .filter((m) => m.role === 'coach' && m.teamId)
      .map((m) => m.teamId!),
  };
}

export const isStaff = (scope: StaffScope) =>
  scope.adminClubIds.length > 0 || scope.coachTeamIds.length > 0;

export const canManageTeam = (scope: StaffScope, team: { id: string; clubId: string }) =>
  scope.adminClubIds.includes(team.clubId) || scope.coachTeamIds.includes(team.id);

/** Admin of the club, or coach of at least one of its teams (`clubTeamIds`). */
export const worksInClub = (scope: StaffScope, clubId: string, clubTeamIds: string[]) =>
  scope.adminClubIds.includes(clubId) || clubTeamIds.some((t) => scope.coachTeamIds.includes(t));
