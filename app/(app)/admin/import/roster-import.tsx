'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CircleAlert, CircleCheck, Download, FileUp } from 'lucide-react';
import { useId, useState } from 'react';
import { CopyButton } from '@/components/invites/copy-button';
import { downloadText } from '@/components/invites/download';
import { formatDateTime, roleLabel } from '@/components/invites/format';
import { useTRPC } from '@/components/providers/trpc';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { Textarea } from '@/components/ui/textarea';

const TEMPLATE = 'name,email,team,role\nAnn Lee,ann@example.org,Road Squad,athlete\n';
const EXPIRY_DAYS = [3, 7, 14, 30] as const;

export function RosterImport({ clubId, clubName }: { clubId: string; clubName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState('');
  const [checkedCsv, setCheckedCsv] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string>();
  const previewId = useId();
  const resultId = useId();
  const focus = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  const preview = useMutation(
    trpc.invites.importPreview.mutationOptions({
      onSuccess: (_data, vars) => {
        setCheckedCsv(vars.csv);
        focus(previewId);
      },
    }),
  );
  const commit = useMutation(
    trpc.invites.importCommit.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.invites.list.queryKey() });
        focus(resultId);
      },
    }),
  );
  const exportRoster = useMutation({
    mutationFn: () =>
      queryClient.fetchQuery({
        ...trpc.invites.exportRoster.queryOptions({ clubId }),
        staleTime: 0,
      }),
    onSuccess: (data) => downloadText(`${slug(clubName)}-roster.csv`, data.csv),
  });

  // The commit's answer when it found problems (someone changed the club meanwhile) wins.
  const shown = commit.data && !commit.data.ok ? commit.data.preview : preview.data;
  const current = checkedCsv !== null && checkedCsv === csv;
  const problems = shown?.rows.filter((r) => r.errors.length > 0).length ?? 0;
  const done = commit.data?.ok ? commit.data : null;

  function reset() {
    setCsv('');
    setCheckedCsv(null);
    preview.reset();
    commit.reset();
  }

  return (
    <div className="flex flex-col gap-8">
      <PageHeader
        title="Import roster"
        eyebrow={clubName}
        description="Invite many people at once from a spreadsheet saved as CSV, with the columns name, email, team and role."
      />

      {done ? (
        <div className="flex flex-col gap-4">
          <Alert
            id={resultId}
            tabIndex={-1}
            variant="success"
            role="status"
            className="outline-none"
          >
            <AlertTitle>
              {done.count} invitation{done.count === 1 ? '' : 's'} created
            </AlertTitle>
            <AlertDescription>
              {done.emailStatus === 'not_configured'
                ? 'Email is not set up on this server. Download the links and send each person theirs.'
                : done.emailStatus === 'failed'
                  ? 'Some emails could not be sent. Download the links and send those yourself.'
                  : 'Each person gets an email with their link. The links are also here; they are shown only now.'}
            </AlertDescription>
          </Alert>
          <div className="flex flex-wrap gap-2">
            <Button
              onClick={() => downloadText(`${slug(clubName)}-invitation-links.csv`, done.linksCsv)}
            >
              <Download aria-hidden="true" />
              Download links (CSV)
            </Button>
            <Button variant="outline" onClick={reset}>
              Import another file
            </Button>
          </div>
          <Table scrollLabel="Invitation links">
            <caption className="sr-only">Invitation links, valid until the date shown</caption>
            <THead>
              <Tr>
                <Th>Person</Th>
                <Th>Link</Th>
              </Tr>
            </THead>
            <TBody>
              {done.invites.map((i) => (
                <Tr key={i.inviteId}>
                  <Td className="min-w-40">
                    <div className="font-medium">{i.name}</div>
                    <div className="text-xs break-all text-muted-foreground">{i.email}</div>
                    <div className="text-xs text-muted-foreground">
                      {roleLabel(i.role)}
                      {i.teamName ? ` · ${i.teamName}` : ''}
                    </div>
                  </Td>
                  <Td>
                    <CopyButton
                      text={i.link}
                      label="Copy"
                      aria-label={`Copy the link of ${i.name}`}
                    />
                    <div className="mt-1 text-xs whitespace-nowrap text-muted-foreground">
                      until {formatDateTime(i.expiresAt)}
                    </div>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </div>
      ) : (
        <Card>
          <CardHeader>
            <CardTitle>1. Choose the file</CardTitle>
            <CardDescription>
              One person per row. Team names must match the club’s teams; role is athlete, coach or
              admin (empty means athlete; admins have no team). Nothing is created until every row
              is fine.
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <Field label="CSV file" error={fileError}>
              <Input
                type="file"
                accept=".csv,text/csv"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  setFileError(undefined);
                  if (!file) return;
                  if (file.size > 256 * 1024) {
                    setFileError('The file is larger than 256 KB; split it into smaller files.');
                    return;
                  }
                  setCsv(await file.text());
                  preview.reset();
                  commit.reset();
                }}
              />
            </Field>
            <Field label="Or paste the rows" hint="Including the first line with the column names.">
              <Textarea
                value={csv}
                onChange={(e) => setCsv(e.target.value)}
                rows={6}
                spellCheck={false}
                className="font-mono text-sm"
                placeholder={TEMPLATE}
              />
            </Field>
            <div className="flex flex-wrap gap-2">
              <Button
                disabled={!csv.trim() || preview.isPending}
                onClick={() => {
                  commit.reset();
                  preview.mutate({ clubId, csv });
                }}
              >
                <FileUp aria-hidden="true" />
                {preview.isPending ? 'Checking…' : 'Check the file'}
              </Button>
              <Button
                variant="outline"
                onClick={() => downloadText('roster-template.csv', TEMPLATE)}
              >
                Download a template
              </Button>
            </div>
            {preview.isError ? (
              <p role="alert" className="text-sm font-medium text-destructive">
                {preview.error.message}
              </p>
            ) : null}
          </CardContent>
        </Card>
      )}

      {shown && !done ? (
        <section
          id={previewId}
          tabIndex={-1}
          aria-labelledby={`${previewId}-heading`}
          className="flex flex-col gap-3 outline-none"
        >
          <h2 id={`${previewId}-heading`} className="text-lg font-semibold">
            2. Check the rows
          </h2>
          {shown.fileErrors.length > 0 ? (
            <Alert variant="destructive" role="alert">
              <AlertTitle>The file cannot be read</AlertTitle>
              <AlertDescription>
                {shown.fileErrors.map((e) => (
                  <p key={e}>{e}</p>
                ))}
              </AlertDescription>
            </Alert>
          ) : problems > 0 ? (
            <Alert variant="warning" role="alert">
              <AlertTitle>
                {problems} of {shown.rows.length} rows need fixing
              </AlertTitle>
              <AlertDescription>
                Fix them in your spreadsheet (or above) and check again. Nothing has been created.
              </AlertDescription>
            </Alert>
          ) : (
            <Alert variant="success" role="status">
              <AlertTitle>All {shown.rows.length} rows are fine</AlertTitle>
              <AlertDescription>Create the invitations below.</AlertDescription>
            </Alert>
          )}
          {shown.rows.length > 0 ? (
            <Table scrollLabel="Rows of the file">
              <caption className="sr-only">Rows of the file and their problems</caption>
              <THead>
                <Tr>
                  <Th className="text-right">Line</Th>
                  <Th>Person</Th>
                  <Th>Check</Th>
                </Tr>
              </THead>
              <TBody>
                {shown.rows.map((r) => (
                  <Tr key={r.line} data-line={r.line} data-ok={r.errors.length === 0}>
                    <Td className="text-right align-top">{r.line}</Td>
                    <Td className="min-w-36 align-top">
                      <div className="font-medium">{r.name || '(no name)'}</div>
                      <div className="text-xs break-all text-muted-foreground">
                        {r.email || '(no email)'}
                      </div>
                      <div className="text-xs text-muted-foreground">
                        <span className="capitalize">{r.role || 'athlete'}</span>
                        {r.team ? ` · ${r.team}` : ''}
                      </div>
                    </Td>
                    <Td className="min-w-40 align-top">
                      {r.errors.length === 0 ? (
                        <span className="inline-flex items-center gap-1">
                          <CircleCheck aria-hidden="true" className="size-4 text-level-green" />
                          OK
                        </span>
                      ) : (
                        <ul className="flex flex-col gap-1">
                          {r.errors.map((e) => (
                            <li
                              key={e}
                              className="flex items-start gap-1 font-medium text-destructive"
                            >
                              <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                              <span>{e}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          ) : null}
          {shown.ok && current ? (
            <form
              className="flex flex-col gap-3 sm:flex-row sm:items-end"
              onSubmit={(e) => {
                e.preventDefault();
                const days = Number(new FormData(e.currentTarget).get('expiresInDays') ?? 7);
                commit.mutate({ clubId, csv, expiresInDays: days });
              }}
            >
              <Field label="Links valid for">
                <Select name="expiresInDays" defaultValue="7">
                  {EXPIRY_DAYS.map((d) => (
                    <option key={d} value={d}>{`${d} days`}</option>
                  ))}
                </Select>
              </Field>
              <Button type="submit" disabled={commit.isPending}>
                {commit.isPending
                  ? 'Creating…'
                  : `Create ${shown.rows.length} invitation${shown.rows.length === 1 ? '' : 's'}`}
              </Button>
            </form>
          ) : null}
          {!current ? (
            <p role="status" className="text-sm text-muted-foreground">
              The rows changed since this check: check the file again.
            </p>
          ) : null}
          {commit.isError ? (
            <p role="alert" className="text-sm font-medium text-destructive">
              {commit.error.message}
            </p>
          ) : null}
        </section>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>Export the roster</CardTitle>
          <CardDescription>
            Everyone active in the club as CSV (name, email, team, role), the same columns as the
            import. No health data.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-2">
          <Button
            variant="outline"
            className="w-fit"
            disabled={exportRoster.isPending}
            onClick={() => exportRoster.mutate()}
          >
            <Download aria-hidden="true" />
            {exportRoster.isPending ? 'Preparing…' : 'Download roster (CSV)'}
          </Button>
          {exportRoster.isError ? (
            <p role="alert" className="text-sm font-medium text-destructive">
              {exportRoster.error.message}
            </p>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'club'
  );
}
