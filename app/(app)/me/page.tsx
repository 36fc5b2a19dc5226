import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { contextsOf } from '@/server/api/contexts';
import { serverCaller } from '@/server/api/server-caller';
import { isAthlete } from '@/server/auth/viewer';
import { AccountData } from './account-data';
import { AccountDelete } from './account-delete';
import { ConsentSection } from './consent-section';
import { MyHistory } from './my-history';
import { ProfileForm } from './profile-form';

export const metadata: Metadata = { title: 'Me' };
export const dynamic = 'force-dynamic';

export default async function MePage() {
  const { caller, viewer } = await serverCaller();
  if (!viewer) redirect('/login');
  const contexts = contextsOf(viewer);
  const athlete = isAthlete(viewer);
  // Rendered on the server so the consent state shows without a loading flash; a render the
  // request guard does not trust (cross-site navigation) leaves it to the client's own query.
  const consent = athlete ? await caller.account.consentState().catch(() => undefined) : undefined;
  return (
    <div className="flex flex-col gap-8">
      <div className="grid gap-3">
        <PageHeader title={viewer.name} description={viewer.email} className="mb-0 sm:mb-0" />
        {/* The privacy sections sit below the history; on a phone that is a long scroll. */}
        <nav aria-label="Your privacy" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {athlete ? (
            <a
              href="#consent"
              className="font-medium text-primary underline-offset-4 hover:underline"
            >
              Consent
            </a>
          ) : null}
          <a
            href="#your-data"
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Download your data
          </a>
          <a
            href="#delete-account"
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Delete account
          </a>
        </nav>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Profile</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-6">
          <ProfileForm initial={{ birthDate: viewer.birthDate, timeZone: viewer.timeZone }} />
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
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
      {athlete ? <MyHistory /> : null}
      {athlete ? <ConsentSection initial={consent} /> : null}
      <AccountData />
      <AccountDelete />
    </div>
  );
}
