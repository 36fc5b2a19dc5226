import { Download } from 'lucide-react';
import { buttonVariants } from '@/components/ui/button';

/**
 * Downloads of everything Loadline holds about the person (GDPR Art. 15, 20). Plain links: the
 * browser proves same-origin with Sec-Fetch-Site (see server/api/account-export.ts).
 */
export function AccountData() {
  return (
    <section
      id="your-data"
      aria-labelledby="data-heading"
      className="flex scroll-mt-20 flex-col gap-3"
    >
      <h2 id="data-heading" className="text-lg font-semibold">
        Your data
      </h2>
      <p className="max-w-prose text-sm text-muted-foreground">
        Download a copy of everything Loadline holds about you: your profile, teams, consents,
        check-ins, shoes, risk status, alerts, clearances, coach notes about you and who viewed your
        data. The spreadsheet holds your check-ins only.
      </p>
      <div className="flex flex-wrap gap-2">
        <a
          href="/api/account/export?format=json"
          download
          className={buttonVariants({ variant: 'outline' })}
        >
          <Download aria-hidden="true" />
          Download all my data (JSON)
        </a>
        <a
          href="/api/account/export?format=csv"
          download
          className={buttonVariants({ variant: 'outline' })}
        >
          <Download aria-hidden="true" />
          Download my check-ins (CSV)
        </a>
      </div>
    </section>
  );
}
