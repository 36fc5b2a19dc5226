/**
 * The baseline of bench:realtime: a bare `ws` server with no database, no auth and no Socket.IO.
 * It takes the same HTTP check-in posts as the app (same path, headers and body), answers them,
 * and broadcasts a payload of the same shape as `squad:update` to the sockets of the athlete's
 * team (`/ws?team=<id>`). The team of an athlete comes from a map the orchestrator sends once.
 *
 * Run as a child process: `node --import tsx bench/realtime/baseline-server.ts <port> <teams.json>`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';

const port = Number(process.argv[2]);
const teamOfAthlete = new Map<string, string>(
  Object.entries(JSON.parse(readFileSync(process.argv[3]!, 'utf8')) as Record<string, string>),
);
const rooms = new Map<string, Set<WebSocket>>();
const seqs = new Map<string, number>();

const server = createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  const parts: Buffer[] = [];
  req.on('data', (chunk: Buffer) => parts.push(chunk));
  req.on('end', () => {
    // Same body as the tRPC call; the athlete is named by a header here, since there is no auth.
    const body = JSON.parse(Buffer.concat(parts).toString('utf8')) as {
      json: { date: string; checkIn: { redFlags?: string[] } };
    };
    const athleteId = String(req.headers['x-bench-athlete'] ?? '');
    const teamId = teamOfAthlete.get(athleteId);
    if (!teamId) {
      res.writeHead(400).end();
      return;
    }
    const red = (body.json.checkIn.redFlags?.length ?? 0) > 0;
    const seq = (seqs.get(teamId) ?? 0) + 1;
    seqs.set(teamId, seq);
    const payload = JSON.stringify([
      'squad:update',
      {
        teamId,
        seq,
        athleteId,
        level: red ? 'red' : 'green',
        previousLevel: 'green',
        score: red ? 100 : 10,
        ruleIds: red ? ['RF_SWELLING'] : [],
        lastCheckIn: body.json.date,
        at: new Date().toISOString(),
      },
    ]);
    for (const socket of rooms.get(teamId) ?? []) socket.send(payload);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ result: { data: { json: { ok: true } } } }));
  });
});

const wss = new WebSocketServer({ server, path: '/ws' });
wss.on('connection', (socket, req) => {
  const team = new URL(req.url ?? '/', 'http://x').searchParams.get('team') ?? '';
  const room = rooms.get(team) ?? new Set<WebSocket>();
  rooms.set(team, room);
  room.add(socket);
  socket.on('close', () => room.delete(socket));
});

server.listen(port, '127.0.0.1', () => process.send?.({ ready: true }));
