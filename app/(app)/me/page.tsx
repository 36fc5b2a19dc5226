import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { contextsOf } from '@/server/api/contexts';
import { serverCaller } from '@/server/api/server-caller';
import { isAthlete } from '@/server/auth/viewer';
import { MyHistory } from './my-history';

export const metadata: Metadata = { title: 'Me' };
export const dynamic = 'force-dynamic';

export default async function MePage() {
  const { viewer } = await serverCaller();
  if (!viewer) redirect('/login');
  const contexts = contextsOf(viewer);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={viewer.name} description={viewer.email} />
      <Card>
        <CardHeader>
          <CardTitle>Profile</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-muted-foreground">Time zone</dt>
            <dd>{viewer.timeZone}</dd>
            <dt className="text-muted-foreground">Birth date</dt>
            <dd>{viewer.birthDate ?? 'Not set'}</dd>
            <dt className="text-muted-foreground">Roles</dt>
            <dd>
              <ul>
                {contexts.map((c) => (
                  <li key={c.key}>{c.label}</li>
                ))}
              </ul>
            </dd>
          </dl>
        </CardContent>
      </Card>
      {isAthlete(viewer) ? <MyHistory /> : null}
    </div>
  );
}
