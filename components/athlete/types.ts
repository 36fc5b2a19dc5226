import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/api/root';

type Outputs = inferRouterOutputs<AppRouter>;

export type DrillDown = Outputs['athletes']['drillDown'];
export type DrillDownAlert = DrillDown['alerts'][number];
export type DrillDownClearance = DrillDown['clearances'][number];
export type CoachNoteItem = Outputs['notes']['list'][number];
