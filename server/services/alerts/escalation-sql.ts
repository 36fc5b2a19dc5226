import { sql } from 'drizzle-orm';
import { alerts, clubs } from '@/db/schema';

/** Hours a red alert may stay unacknowledged when a club has no setting (design default). */
export const DEFAULT_ESCALATE_AFTER_HOURS = 4;

/**
 * When the alert last became red and unacknowledged: the first red `opened`/`escalated` event
 * after its latest acknowledgement (a check-in that adds a red flag re-opens an acknowledged
 * alert), else its opening time. The escalation clock runs from here, so a re-opened alert gets a
 * fresh deadline and can escalate again.
 */
export const redSince = sql<Date>`coalesce(
  (select min(e.at) from alert_events e
    where e.alert_id = ${alerts.id}
      and e.level = 'red'
      and e.action in ('opened', 'escalated')
      and e.at > coalesce(
        (select max(k.at) from alert_events k
          where k.alert_id = ${alerts.id} and k.action = 'acknowledged'),
        '-infinity'::timestamptz)),
  ${alerts.openedAt})`;

/** The club's hours before an unacknowledged red alert escalates. */
export const escalateAfterHours = sql<number>`coalesce(
  (${clubs.settings} ->> 'escalateAfterHours')::float8, ${DEFAULT_ESCALATE_AFTER_HOURS}::float8)`;

/** Red, unacknowledged, and already escalated to the club in its current red period. */
export const isEscalatedNow = sql<boolean>`(${alerts.state} = 'new' and ${alerts.level} = 'red'
  and ${alerts.escalatedAt} is not null and ${alerts.escalatedAt} >= ${redSince})`;

/** Red, unacknowledged, past the club's deadline and not yet escalated in this red period. */
export const isOverdue = (now: Date) => sql<boolean>`(${alerts.state} = 'new'
  and ${alerts.level} = 'red'
  and (${alerts.escalatedAt} is null or ${alerts.escalatedAt} < ${redSince})
  and ${redSince} + ${escalateAfterHours} * interval '1 hour' <= ${now.toISOString()}::timestamptz)`;
