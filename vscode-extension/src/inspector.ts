// Starting nodus under the inspector, as the "nodus" launch configuration
// does, and finding a running inspector's WebSocket URL. Node only, no
// vscode import: the integration test drives exactly this code.
import { ChildProcess, spawn } from 'child_process';
import * as http from 'http';
import * as net from 'net';
import { BannerScanner, InspectorEndpoint } from './banner';
import { LaunchSpec, launchArgs } from './commandLines';

export interface StartOptions extends LaunchSpec {
  nodus: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export interface Started {
  child: ChildProcess;
  endpoint: InspectorEndpoint;
  argv: string[];
}

/** Merges a launch configuration's env into the current one; null removes a variable. */
export function mergeEnv(base: NodeJS.ProcessEnv, extra?: Record<string, string | null | undefined>): NodeJS.ProcessEnv {
  const env = { ...base };
  for (const [k, v] of Object.entries(extra ?? {})) {
    if (v === null || v === undefined) {
      delete env[k];
    } else {
      env[k] = String(v);
    }
  }
  return env;
}

/**
 * Spawns `nodus --inspect-brk=127.0.0.1:0 PROGRAM ARGS` and resolves once
 * stderr has printed the banner. Rejects with what nodus printed if it exits
 * first, or after timeoutMs. stdout and the rest of stderr are left to the
 * caller (the child's streams are still flowing into nothing until it
 * attaches listeners, so it must do so at once).
 */
export function startInspected(opts: StartOptions): Promise<Started> {
  const argv = launchArgs(opts);
  return new Promise((resolve, reject) => {
    const child = spawn(opts.nodus, argv, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const scanner = new BannerScanner();
    let settled = false;
    const fail = (why: string): void => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      const printed = scanner.textBefore().trim();
      reject(new Error(printed ? `${why}:\n${printed}` : why));
    };
    const timer = setTimeout(() => {
      fail(`nodus printed no "Debugger listening on" line within ${opts.timeoutMs ?? 10000} ms`);
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 10000);
    child.on('error', (err) => fail(`cannot start ${opts.nodus}: ${err.message}`));
    child.on('exit', (code, signal) => fail(`nodus exited (${signal ?? `code ${code}`}) before its inspector was listening`));
    child.stderr.setEncoding('utf8');
    const onData = (chunk: string): void => {
      const endpoint = scanner.push(chunk);
      if (endpoint && !settled) {
        settled = true;
        clearTimeout(timer);
        child.stderr.off('data', onData);
        resolve({ child, endpoint, argv });
      }
    };
    child.stderr.on('data', onData);
  });
}

/** A free TCP port on host (for the integrated-terminal launch, where stderr is the terminal's). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

interface ListEntry {
  webSocketDebuggerUrl?: string;
  type?: string;
}

function getJsonList(host: string, port: number): Promise<ListEntry[]> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host, port, path: '/json/list', timeout: 2000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        try {
          const parsed: unknown = JSON.parse(body);
          resolve(Array.isArray(parsed) ? (parsed as ListEntry[]) : []);
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/** Polls http://host:port/json/list until it names a target; resolves its WebSocket URL. */
export async function waitForInspector(host: string, port: number, timeoutMs = 10000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      const list = await getJsonList(host, port);
      const target = list.find((t) => typeof t.webSocketDebuggerUrl === 'string');
      if (target?.webSocketDebuggerUrl) {
        return target.webSocketDebuggerUrl;
      }
      last = 'no target listed';
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    if (Date.now() >= deadline) {
      throw new Error(`no inspector answered on ${host}:${port} within ${timeoutMs} ms (${last})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
