// The debug launch flow without VS Code: start nodus exactly as the "nodus"
// launch configuration does (startInspected), read the port from the
// banner, then do over CDP what VS Code's JavaScript debugger does after
// the hand-over: enable, run past --inspect-brk, set a breakpoint, hit it.
import * as assert from 'assert';
import WebSocket from 'ws';
import { startInspected, Started, waitForInspector } from '../../src/inspector';
import { binary, workspace } from './env';

interface CdpMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

class Cdp {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  private readonly events: CdpMessage[] = [];
  private readonly eventWaiters: (() => void)[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData) => {
      const msg = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8')) as CdpMessage;
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) {
          p?.reject(new Error(msg.error.message));
        } else {
          p?.resolve(msg.result ?? {});
        }
      } else {
        this.events.push(msg);
        this.eventWaiters.splice(0).forEach((w) => w());
      }
    });
  }

  static connect(url: string): Promise<Cdp> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.once('open', () => resolve(new Cdp(socket)));
      socket.once('error', reject);
    });
  }

  send(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** The next event named method (earlier unread ones of that name first). */
  async event(method: string, timeoutMs = 10000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.events.findIndex((e) => e.method === method);
      if (i >= 0) {
        return this.events.splice(i, 1)[0].params ?? {};
      }
      if (Date.now() > deadline) {
        throw new Error(`no ${method} within ${timeoutMs} ms`);
      }
      await new Promise<void>((r) => {
        this.eventWaiters.push(r);
        setTimeout(r, 100);
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}

describe('debug launch flow against the real nodus', function () {
  this.timeout(30000);
  const program = [
    "const path = require('path');",
    'function add(a, b) {',
    '  const sum = a + b;',
    '  return sum;',
    '}',
    "console.log('result', add(2, 3), path.basename(__filename));",
    '',
  ].join('\n');
  let ws: ReturnType<typeof workspace>;
  let started: Started | undefined;

  before(() => {
    ws = workspace({ 'app.js': program });
  });

  after(() => {
    started?.child.kill('SIGKILL');
    ws.cleanup();
  });

  it('the banner gives the port; a breakpoint is hit; the program finishes', async () => {
    started = await startInspected({ nodus: binary('NODUS'), program: `${ws.dir}/app.js`, args: ['extra'], cwd: ws.dir, timeoutMs: 10000 });
    const { child, endpoint } = started;
    assert.deepStrictEqual(started.argv, ['--inspect-brk=127.0.0.1:0', `${ws.dir}/app.js`, 'extra']);
    assert.strictEqual(endpoint.host, '127.0.0.1');
    assert.ok(endpoint.port > 0);
    let stdout = '';
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

    // The HTTP endpoint (what the integrated-terminal launch and attach use) agrees with the banner.
    assert.strictEqual(await waitForInspector(endpoint.host, endpoint.port, 5000), endpoint.url);

    const cdp = await Cdp.connect(endpoint.url);
    try {
      await cdp.send('Runtime.enable');
      await cdp.send('Debugger.enable');
      await cdp.send('Runtime.runIfWaitingForDebugger');
      const start = await cdp.event('Debugger.paused');
      assert.strictEqual(start.reason, 'Break on start');

      // Line 3 (0-based 2): `const sum = a + b;`
      const bp = await cdp.send('Debugger.setBreakpointByUrl', { url: `file://${ws.dir}/app.js`, lineNumber: 2, columnNumber: 0 });
      assert.ok(typeof bp.breakpointId === 'string');
      await cdp.send('Debugger.resume');
      const hit = await cdp.event('Debugger.paused');
      assert.deepStrictEqual(hit.hitBreakpoints, [bp.breakpointId]);
      const frames = hit.callFrames as { functionName: string; callFrameId: string; location: { lineNumber: number } }[];
      assert.strictEqual(frames[0].functionName, 'add');
      assert.strictEqual(frames[0].location.lineNumber, 2);
      const a = await cdp.send('Debugger.evaluateOnCallFrame', { callFrameId: frames[0].callFrameId, expression: 'a * 10 + b' });
      assert.deepStrictEqual((a.result as { value: number }).value, 23);

      await cdp.send('Debugger.removeBreakpoint', { breakpointId: bp.breakpointId });
      await cdp.send('Debugger.resume');
    } finally {
      cdp.close();
    }
    assert.strictEqual(await exited, 0);
    assert.strictEqual(stdout, 'result 5 app.js\n');
  });

  it('a program that cannot start reports what nodus printed', async () => {
    await assert.rejects(
      startInspected({ nodus: binary('NODUS'), program: `${ws.dir}/app.js`, runtimeArgs: ['--no-such-option'], timeoutMs: 10000 }),
      /exited \(code 9\) before its inspector was listening:\n.*bad option: --no-such-option/,
    );
  });
});
