import Link from 'next/link';
import { cn } from '@/components/ui/utils';

export interface TeamChoice {
  teamId: string;
  teamName: string;
  clubName: string;
}

/**
 * The teams this coach coaches, as links (so each board has its own URL and the browser's back
 * button works). Links go through /switch, which remembers the team for the next sign-in.
 * Renders nothing for a coach of one team.
 */
export function TeamSwitcher({ teams, current }: { teams: TeamChoice[]; current: string }) {
  if (teams.length <= 1) return null;
  const clubs = new Set(teams.map((t) => t.clubName));
  return (
    <nav aria-label="Your teams" className="-mx-1 overflow-x-auto px-1">
      <ul className="flex w-max gap-1 rounded-lg border bg-muted p-1">
        {teams.map((t) => {
          const active = t.teamId === current;
          return (
            <li key={t.teamId}>
              <Link
                href={`/switch?to=${encodeURIComponent(`coach:${t.teamId}`)}`}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'inline-flex h-9 items-center rounded-md px-3 text-sm font-medium whitespace-nowrap sm:h-8',
                  active
                    ? 'bg-card text-foreground shadow-xs'
                    : 'text-muted-foreground hover:bg-card/60 hover:text-foreground',
                )}
              >
                {t.teamName}
                {clubs.size > 1 ? (
                  <span className="ml-1 text-xs text-muted-foreground">· {t.clubName}</span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
