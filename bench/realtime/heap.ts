/**
 * Memory a child process really keeps: through the V8 inspector (the child runs with
 * `--inspect=127.0.0.1:0`), a full garbage collection, then `process.memoryUsage()`. RSS alone
 * also counts garbage not yet collected and heap pages V8 has not handed back.
 */
import type { ChildProcess } from 'node:child_process';
import WebSocket from 'ws';

/**
 * Starts watching a child's stderr (which must be piped) for the inspectors' URLs: `count` of them
 * when the child is a cluster primary whose workers share its stderr (each has its own inspector).
 */
export function inspectorUrls(child: ChildProcess, count = 1): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      seen += text;
      const urls = [...seen.matchAll(/Debugger listening on (ws:\/\/\S+)/g)].map((m) => m[1]!);
      if (urls.length >= count) resolve(urls.slice(0, count));
      // The inspector's banner is noise; everything else the child says is passed on.
      if (!/Debugger listening|For help, see|Debugger attached|Waiting for the debugger/.test(text))
        process.stderr.write(text);
    };
    child.stderr!.on('data', onData);
    child.once('exit', () => reject(new Error('child exited before its inspector was up')));
  });
}

export interface RetainedMemory {
  heapUsedKb: number;
  externalKb: number;
  rssKb: number;
}

/** The sum over several processes (a cluster's primary and workers). */
export async function retainedMemoryOf(urls: readonly string[]): Promise<RetainedMemory> {
  const each = await Promise.all(urls.map(retainedMemory));
  return {
    heapUsedKb: each.reduce((sum, m) => sum + m.heapUsedKb, 0),
    externalKb: each.reduce((sum, m) => sum + m.externalKb, 0),
    rssKb: each.reduce((sum, m) => sum + m.rssKb, 0),
  };
}

export async function retainedMemory(url: string): Promise<RetainedMemory> {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let nextId = 0;
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = ++nextId;
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString()) as { id?: number; result?: never };
        if (message.id !== id) return;
        ws.off('message', onMessage);
        resolve(message.result ?? {});
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id, method, params }));
    });
  try {
    // Twice: the first pass may only queue finalisers whose objects the second one frees.
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
    const evaluated = (await call('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    })) as { result?: { value?: string } };
    const usage = JSON.parse(evaluated.result?.value ?? '{}') as {
      heapUsed: number;
      external: number;
      rss: number;
    };
    return {
      heapUsedKb: Math.round(usage.heapUsed / 1024),
      externalKb: Math.round(usage.external / 1024),
      rssKb: Math.round(usage.rss / 1024),
    };
  } finally {
    ws.close();
  }
}
