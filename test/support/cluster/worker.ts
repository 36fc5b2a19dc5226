/**
 * A worker for server/cluster.test.ts: answers its pid on a shared port; `/exit` ends it;
 * FAIL_AT_START=1 makes it die at once (a misconfigured instance); SIGTERM is announced on stdout.
 */
import { createServer } from 'node:http';

if (process.env.FAIL_AT_START === '1') process.exit(3);

const server = createServer((req, res) => {
  res.setHeader('connection', 'close');
  res.end(String(process.pid));
  if (req.url === '/exit') setTimeout(() => process.exit(1), 10);
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`listening ${process.pid}`));
process.on('SIGTERM', () => {
  console.log(`stopping ${process.pid}`);
  server.close(() => process.exit(0));
});
