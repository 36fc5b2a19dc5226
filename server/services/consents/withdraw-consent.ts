/**
 * Withdraws an athlete's consent for one club (security.md check 23). From the commit on, the
 * check-in write path refuses new check-ins (it takes the same row lock, so none slips in between).
 * The athlete chooses whether the club's coaches keep seeing what was shared before; called again
 * after withdrawal it only changes that choice.
 */
import { and, eq } from 'drizzle-orm';
import type { Database, Db } from '@/db';
import { consents, memberships, users } from '@/db/schema';
import type { WithdrawConsentInput } from '@/lib/consent/schemas';
import { AccountError } from '@/server/services/account/account-error';
import { recordAudit } from '@/server/services/audit/record-audit';
import { announceVisibility } from './announce-visibility';
import { announce, openConsentsWhere } from './give-consent';
import { isHistoryVisible } from './hidden-athletes';

export interface WithdrawConsentResult {
  clubId: string;
  withdrawnAt: Date;
  historyVisible: boolean;
}

export async function withdrawConsent(
  database: Database,
  args: { athleteId: string; input: Omit<WithdrawConsentInput, 'action'>; now?: Date },
): Promise<WithdrawConsentResult> {
  const { athleteId, input } = args;
  const now = args.now ?? new Date();
  const published: { teamId: string; seq: number }[] = [];

  const result = await database.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await tx.select({ id: users.id }).from(users).where(eq(users.id, athleteId)).for('update');
    const [member] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, athleteId),
          eq(memberships.clubId, input.clubId),
          eq(memberships.role, 'athlete'),
          eq(memberships.status, 'active'),
        ),
      )
      .limit(1);
    if (!member) throw new AccountError('not-found', 'No such club.');

    const mine = await tx
      .select()
      .from(consents)
      .where(and(eq(consents.athleteId, athleteId), eq(consents.clubId, input.clubId)));
    if (mine.length === 0) {
      throw new AccountError('conflict', 'You have not given consent to this club.');
    }
    const wasVisible = isHistoryVisible(mine);
    const hasOpen = mine.some((r) => r.withdrawnAt === null);
    let withdrawnAt: Date;
    if (hasOpen) {
      withdrawnAt = now;
      await tx
        .update(consents)
        .set({ withdrawnAt, historyVisibleAfterWithdrawal: input.historyVisible })
        .where(openConsentsWhere(athleteId, input.clubId));
    } else {
      // Already withdrawn: the latest withdrawal decides visibility; change only its choice.
      const latest = mine.reduce((a, b) => (b.withdrawnAt! > a.withdrawnAt! ? b : a));
      withdrawnAt = latest.withdrawnAt!;
      await tx
        .update(consents)
        .set({ historyVisibleAfterWithdrawal: input.historyVisible })
        .where(eq(consents.id, latest.id));
    }
    await recordAudit(tx, {
      actorId: athleteId,
      action: hasOpen ? 'consent.withdraw' : 'consent.history_choice',
      subjectId: athleteId,
      clubId: input.clubId,
      detail: { historyVisible: input.historyVisible },
    });
    if (wasVisible !== input.historyVisible) {
      published.push(
        ...(await announceVisibility(tx, {
          athleteId,
          clubId: input.clubId,
          visible: input.historyVisible,
          at: now,
        })),
      );
    }
    return { clubId: input.clubId, withdrawnAt, historyVisible: input.historyVisible };
  });

  await announce(database, published);
  return result;
}
