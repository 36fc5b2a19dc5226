'use client';
import { AlertsSeenList, useAlertsSeen } from '@/components/progress/alerts-seen';

/**
 * "Which coach saw my alert, and when": appears once the athlete has an alert, and updates by
 * itself (polling + refetch on focus) when a coach acknowledges it.
 */
export function HistoryAlerts() {
  const seen = useAlertsSeen();
  if (!seen.data || seen.data.alerts.length === 0) return null;
  return (
    <section aria-labelledby="alerts-seen-heading" className="flex flex-col gap-3">
      <h2 id="alerts-seen-heading" className="text-lg font-semibold">
        Alerts to your coach
      </h2>
      <AlertsSeenList data={seen.data} />
    </section>
  );
}
