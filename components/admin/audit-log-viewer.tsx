'use client';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { toast } from '@/components/ui/toaster';
import { adminErrorOf } from './admin-errors';

const PAGE_SIZE = 50;

interface Filters {
  action: string;
  actorId: string;
  subjectId: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { action: '', actorId: '', subjectId: '', from: '', to: '' };

/** Only the filters that are set, so the query input stays minimal. */
function toInput(f: Filters) {
  return {
    ...(f.action ? { action: f.action } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.subjectId ? { subjectId: f.subjectId } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}

export function AuditLogViewer({
  clubId,
  clubName,
  timeZone,
}: {
  clubId: string;
  clubName: string;
  timeZone: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const input = toInput(filters);
  const options = useQuery(trpc.admin.auditFilters.queryOptions({ clubId }));
  const log = useQuery({
    ...trpc.admin.audit.queryOptions({ clubId, ...input, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const when = useMemo(
    () => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }),
    [timeZone],
  );
  const pages = log.data ? Math.max(1, Math.ceil(log.data.total / PAGE_SIZE)) : 1;
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  async function exportCsv() {
    setExporting(true);
    try {
      const result = await queryClient.fetchQuery(
        trpc.admin.auditCsv.queryOptions({ clubId, ...input }),
      );
      const url = URL.createObjectURL(new Blob([result.csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `audit-log-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
      toast({
        title: `Exported ${result.rows} entr${result.rows === 1 ? 'y' : 'ies'}`,
        description: result.truncated ? 'Only the newest 10,000; narrow the filters.' : undefined,
        variant: result.truncated ? 'warning' : 'success',
      });
    } catch (e) {
      toast({
        title: 'Export failed',
        description: adminErrorOf(e).message,
        variant: 'destructive',
      });
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Audit log"
        eyebrow={clubName}
        description="Who viewed or changed what in this club, and when. Entries can never be edited or deleted."
        actions={
          <Button variant="outline" onClick={exportCsv} disabled={exporting}>
            <Download aria-hidden="true" />
            {exporting ? 'Exporting…' : 'Export CSV'}
          </Button>
        }
      />
      {/* Closed by default: on a phone five filters would push the log below the fold. */}
      <details
        className="group rounded-lg border bg-card"
        open={filtersOpen}
        onToggle={(e) => setFiltersOpen(e.currentTarget.open)}
      >
        <summary className="flex min-h-11 cursor-pointer items-center px-4 text-sm font-medium">
          Filters
          {Object.keys(input).length ? ` (${Object.keys(input).length} active)` : ''}
        </summary>
        <form
          aria-label="Filter the audit log"
          className="grid gap-3 px-4 pb-4 sm:grid-cols-2 lg:grid-cols-5"
          onSubmit={(e) => e.preventDefault()}
        >
          <Field label="Action">
            <Select value={filters.action} onChange={(e) => set({ action: e.target.value })}>
              <option value="">All actions</option>
              {options.data?.actions.map((a) => (
                <option key={a.action} value={a.action}>
                  {a.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Who">
            <Select value={filters.actorId} onChange={(e) => set({ actorId: e.target.value })}>
              <option value="">Anyone</option>
              {options.data?.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="About">
            <Select value={filters.subjectId} onChange={(e) => set({ subjectId: e.target.value })}>
              <option value="">Anyone</option>
              {options.data?.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="From">
            <Input
              type="date"
              value={filters.from}
              onChange={(e) => set({ from: e.target.value })}
            />
          </Field>
          <Field label="To">
            <Input type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
          </Field>
          {Object.keys(input).length ? (
            <div className="sm:col-span-2 lg:col-span-5">
              <Button variant="ghost" size="sm" onClick={() => set(EMPTY)}>
                Clear filters
              </Button>
            </div>
          ) : null}
        </form>
      </details>
      {log.isPending ? (
        <Skeleton className="h-96 w-full" />
      ) : log.isError ? (
        <Alert variant="destructive">
          <AlertTitle>Could not load the audit log</AlertTitle>
          <AlertDescription>{log.error.message}</AlertDescription>
        </Alert>
      ) : (
        <>
          <Table scrollLabel="Audit log" aria-busy={log.isFetching}>
            <caption className="sr-only">
              Audit log of {clubName}, page {log.data.page} of {pages}, times in {timeZone}
            </caption>
            <THead>
              <Tr>
                <Th>When</Th>
                <Th>Who</Th>
                <Th>Action</Th>
                <Th>About</Th>
                <Th>Team</Th>
                <Th>Details</Th>
              </Tr>
            </THead>
            <TBody>
              {log.data.rows.map((r) => (
                <Tr key={r.id}>
                  <Td className="whitespace-nowrap">
                    <time dateTime={r.at.toISOString()}>{when.format(r.at)}</time>
                  </Td>
                  <Td>{r.actorName ?? (r.actorId ? 'Deleted user' : 'System')}</Td>
                  <Td>{r.actionLabel}</Td>
                  <Td>{r.subjectName ?? (r.subjectId ? 'Deleted user' : '—')}</Td>
                  <Td>{r.teamName ?? '—'}</Td>
                  <Td className="max-w-72 text-xs break-words text-muted-foreground">
                    {r.details || '—'}
                  </Td>
                </Tr>
              ))}
              {log.data.rows.length === 0 ? (
                <Tr>
                  <Td colSpan={6} className="py-6 text-center text-muted-foreground">
                    No entries match.
                  </Td>
                </Tr>
              ) : null}
            </TBody>
          </Table>
          <nav
            aria-label="Audit log pages"
            className="flex flex-wrap items-center justify-between gap-3 text-sm"
          >
            <p aria-live="polite">
              Page {log.data.page} of {pages} · {log.data.total}{' '}
              {log.data.total === 1 ? 'entry' : 'entries'}
            </p>
            <div className="flex gap-2">
              <Button
                variant="outline"
                size="sm"
                disabled={page <= 1}
                onClick={() => setPage((p) => Math.max(1, p - 1))}
              >
                Newer
              </Button>
              <Button
                variant="outline"
                size="sm"
                disabled={page >= pages}
                onClick={() => setPage((p) => p + 1)}
              >
                Older
              </Button>
            </div>
          </nav>
        </>
      )}
    </div>
  );
}
