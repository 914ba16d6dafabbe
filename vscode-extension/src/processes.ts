// Running nodus processes, for "attach to process". Linux reads /proc;
// elsewhere `ps` (argv split on spaces, good enough for a picker). No vscode import.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { isNodusArgv } from './commandLines';

export interface ProcessInfo {
  pid: number;
  argv: string[];
}

export function listProcessesFromProc(procDir = '/proc'): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  let entries: string[];
  try {
    entries = fs.readdirSync(procDir);
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) {
      continue;
    }
    try {
      const raw = fs.readFileSync(path.join(procDir, e, 'cmdline'), 'utf8');
      const argv = raw.split('\0');
      if (argv.length && argv[argv.length - 1] === '') {
        argv.pop();
      }
      if (argv.length) {
        out.push({ pid: Number(e), argv });
      }
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return out;
}

function listProcessesFromPs(): Promise<ProcessInfo[]> {
  return new Promise((resolve) => {
    execFile('ps', ['-axo', 'pid=,args='], { maxBuffer: 8 << 20 }, (err, stdout) => {
      if (err) {
        resolve([]);
        return;
      }
      const list: ProcessInfo[] = [];
      for (const line of stdout.split('\n')) {
        const m = /^\s*(\d+)\s+(.*)$/.exec(line);
        if (m) {
          list.push({ pid: Number(m[1]), argv: m[2].split(/\s+/) });
        }
      }
      resolve(list);
    });
  });
}

/** nodus processes other than this one, newest (highest pid) first. */
export async function listNodusProcesses(): Promise<ProcessInfo[]> {
  const all = process.platform === 'linux' ? listProcessesFromProc() : await listProcessesFromPs();
  return all.filter((p) => p.pid !== process.pid && isNodusArgv(p.argv)).sort((a, b) => b.pid - a.pid);
}

/** argv of one process (Linux), for finding its inspector port. */
export function argvOf(pid: number, procDir = '/proc'): string[] | undefined {
  try {
    const argv = fs.readFileSync(path.join(procDir, String(pid), 'cmdline'), 'utf8').split('\0');
    if (argv[argv.length - 1] === '') {
      argv.pop();
    }
    return argv;
  } catch {
    return undefined;
  }
}
