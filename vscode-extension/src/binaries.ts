// Finding nodus and nodus-lsp, and checking their --version. The file
// system is behind a probe so the lookup order is unit-tested without
// real binaries. No vscode import.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { NodusSettings } from './config';

/** The oldest versions this extension talks to. */
export const MIN_NODUS_VERSION = '0.1.0';
export const MIN_LSP_VERSION = '0.1.0';

export interface Probe {
  isExecutable(file: string): boolean;
  /** realpath, or the path itself when it cannot be resolved. */
  realpath(file: string): string;
}

export const realProbe: Probe = {
  isExecutable(file: string): boolean {
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) {
        return false;
      }
      fs.accessSync(file, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  realpath(file: string): string {
    try {
      return fs.realpathSync(file);
    } catch {
      return file;
    }
  },
};

export type Source = 'setting' | 'next to nodus.path' | 'PATH';

export interface Lookup {
  /** The executable found, or undefined. */
  file?: string;
  source?: Source;
  /** Every path looked at, in order, for the "not found" message. */
  tried: string[];
}

function exeName(name: string, platform: NodeJS.Platform): string {
  return platform === 'win32' ? `${name}.exe` : name;
}

/** Looks a bare name up on PATH (the `which` rule: first executable wins). */
export function findOnPath(
  name: string,
  envPath: string | undefined,
  probe: Probe,
  platform: NodeJS.Platform = process.platform,
): Lookup {
  const tried: string[] = [];
  const sep = platform === 'win32' ? ';' : ':';
  for (const dir of (envPath ?? '').split(sep)) {
    if (!dir) {
      continue;
    }
    const file = path.join(dir, exeName(name, platform));
    tried.push(file);
    if (probe.isExecutable(file)) {
      return { file, source: 'PATH', tried };
    }
  }
  return { tried };
}

function isBareName(p: string): boolean {
  return !p.includes('/') && !p.includes('\\');
}

/** nodus: nodus.path (a path, or a bare name looked up on PATH), else `nodus` on PATH. */
export function findNodus(
  settings: Pick<NodusSettings, 'nodusPath'>,
  env: NodeJS.ProcessEnv,
  probe: Probe = realProbe,
  platform: NodeJS.Platform = process.platform,
): Lookup {
  const configured = settings.nodusPath;
  if (configured && !isBareName(configured)) {
    return probe.isExecutable(configured)
      ? { file: configured, source: 'setting', tried: [configured] }
      : { tried: [configured] };
  }
  const found = findOnPath(configured || 'nodus', env.PATH, probe, platform);
  if (found.file && configured) {
    found.source = 'setting';
  }
  return found;
}

/**
 * nodus-lsp: nodus.lsp.path when set; otherwise the nodus-lsp next to a
 * configured nodus.path (also in a build tree, where it lives in ../lsp/,
 * and next to the real file when nodus.path is a symbolic link); then PATH.
 */
export function findLsp(
  settings: Pick<NodusSettings, 'nodusPath' | 'lspPath'>,
  env: NodeJS.ProcessEnv,
  probe: Probe = realProbe,
  platform: NodeJS.Platform = process.platform,
): Lookup {
  const name = exeName('nodus-lsp', platform);
  if (settings.lspPath) {
    if (isBareName(settings.lspPath)) {
      const found = findOnPath(settings.lspPath, env.PATH, probe, platform);
      return found.file ? { ...found, source: 'setting' } : found;
    }
    return probe.isExecutable(settings.lspPath)
      ? { file: settings.lspPath, source: 'setting', tried: [settings.lspPath] }
      : { tried: [settings.lspPath] };
  }
  const tried: string[] = [];
  if (settings.nodusPath) {
    const nodus = findNodus(settings, env, probe, platform).file;
    if (nodus) {
      const dirs = [path.dirname(nodus)];
      const real = path.dirname(probe.realpath(nodus));
      if (!dirs.includes(real)) {
        dirs.push(real);
      }
      for (const dir of dirs) {
        for (const file of [path.join(dir, name), path.join(dir, '..', 'lsp', name)]) {
          const f = path.normalize(file);
          if (tried.includes(f)) {
            continue;
          }
          tried.push(f);
          if (probe.isExecutable(f)) {
            return { file: f, source: 'next to nodus.path', tried };
          }
        }
      }
    }
  }
  const onPath = findOnPath('nodus-lsp', env.PATH, probe, platform);
  return { ...onPath, tried: [...tried, ...onPath.tried] };
}

/** "v0.1.0", "nodus-lsp 0.1.0", "nodus 1.2.3-pre" -> [0, 1, 0] etc. */
export function parseVersion(output: string): [number, number, number] | undefined {
  const m = /(?:^|[\sv])(\d+)\.(\d+)\.(\d+)/.exec(output.split('\n')[0] ?? '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

export function compareVersions(a: [number, number, number], b: [number, number, number]): number {
  for (let i = 0; i < 3; i++) {
    if (a[i] !== b[i]) {
      return a[i] < b[i] ? -1 : 1;
    }
  }
  return 0;
}

export type VersionCheck =
  | { ok: true; version: string }
  | { ok: false; reason: 'failed' | 'unparsable' | 'too-old'; version?: string; detail: string };

/** Interprets a `--version` run against the minimum supported version. */
export function checkVersion(output: string, minimum: string): VersionCheck {
  const v = parseVersion(output);
  const min = parseVersion(minimum);
  const first = output.trim().split('\n')[0] ?? '';
  if (!v || !min) {
    return { ok: false, reason: 'unparsable', detail: `unexpected --version output: ${JSON.stringify(first)}` };
  }
  const version = v.join('.');
  if (compareVersions(v, min) < 0) {
    return { ok: false, reason: 'too-old', version, detail: `version ${version} is older than ${minimum}, the oldest this extension supports` };
  }
  return { ok: true, version };
}

/** Runs `file --version` (5 s limit) and checks it. */
export function probeVersion(file: string, minimum: string, timeoutMs = 5000): Promise<VersionCheck> {
  return new Promise((resolve) => {
    execFile(file, ['--version'], { timeout: timeoutMs, windowsHide: true }, (err, stdout, stderr) => {
      if (err) {
        const detail = `\`${file} --version\` failed: ${err.message.split('\n')[0]}${stderr ? ` (${stderr.trim().split('\n')[0]})` : ''}`;
        resolve({ ok: false, reason: 'failed', detail });
        return;
      }
      resolve(checkVersion(stdout, minimum));
    });
  });
}

/** The user-facing sentence for a lookup that found nothing. */
export function notFoundMessage(what: 'nodus' | 'nodus-lsp', lookup: Lookup, setting: string): string {
  const tried = lookup.tried.length ? ` Looked at: ${lookup.tried.slice(0, 6).join(', ')}${lookup.tried.length > 6 ? ', …' : ''}.` : '';
  return `${what} was not found. Set "${setting}" to its path or put it on PATH.${tried}`;
}
