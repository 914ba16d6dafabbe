// Settings under "nodus.*", read through a minimal interface so tests can
// pass a plain object instead of vscode.WorkspaceConfiguration.
import * as os from 'os';
import * as path from 'path';

export interface ConfigSource {
  get<T>(section: string): T | undefined;
}

export type TraceLevel = 'off' | 'messages' | 'verbose';

export interface NodusSettings {
  /** nodus.path after expansion; '' when unset. */
  nodusPath: string;
  /** nodus.lsp.path after expansion; '' when unset. */
  lspPath: string;
  lspEnabled: boolean;
  trace: TraceLevel;
  statusBar: boolean;
}

export interface ExpandContext {
  /** The first workspace folder, for ${workspaceFolder} and relative paths. */
  workspaceFolder?: string;
  home?: string;
}

/**
 * Expands ~, ${workspaceFolder}, ${userHome} and ${env:NAME}, and makes a
 * relative path containing a separator absolute against the workspace
 * folder. A bare name ("nodus") stays bare: it is looked up on PATH.
 */
export function expandPath(raw: string, ctx: ExpandContext, env: NodeJS.ProcessEnv = process.env): string {
  let p = raw.trim();
  if (!p) {
    return '';
  }
  const home = ctx.home ?? os.homedir();
  if (p === '~' || p.startsWith('~/')) {
    p = home + p.slice(1);
  }
  p = p.replace(/\$\{(workspaceFolder|userHome|env:([A-Za-z_][A-Za-z0-9_]*))\}/g, (whole, name: string, envName?: string) => {
    if (name === 'workspaceFolder') {
      return ctx.workspaceFolder ?? whole;
    }
    if (name === 'userHome') {
      return home;
    }
    return env[envName ?? ''] ?? '';
  });
  const hasSeparator = p.includes('/') || (process.platform === 'win32' && p.includes('\\'));
  if (hasSeparator && !path.isAbsolute(p) && ctx.workspaceFolder) {
    p = path.join(ctx.workspaceFolder, p);
  }
  return p;
}

function stringSetting(cfg: ConfigSource, key: string): string {
  const v = cfg.get<unknown>(key);
  return typeof v === 'string' ? v : '';
}

function boolSetting(cfg: ConfigSource, key: string, dflt: boolean): boolean {
  const v = cfg.get<unknown>(key);
  return typeof v === 'boolean' ? v : dflt;
}

/** Reads and normalises the nodus.* settings (cfg is the "nodus" section). */
export function readSettings(cfg: ConfigSource, ctx: ExpandContext, env: NodeJS.ProcessEnv = process.env): NodusSettings {
  const trace = cfg.get<unknown>('lsp.trace.server');
  return {
    nodusPath: expandPath(stringSetting(cfg, 'path'), ctx, env),
    lspPath: expandPath(stringSetting(cfg, 'lsp.path'), ctx, env),
    lspEnabled: boolSetting(cfg, 'lsp.enabled', true),
    trace: trace === 'messages' || trace === 'verbose' ? trace : 'off',
    statusBar: boolSetting(cfg, 'statusBar.enabled', true),
  };
}

/** True when a change to these settings needs the language server restarted. */
export function lspSettingsChanged(a: NodusSettings, b: NodusSettings): boolean {
  return a.nodusPath !== b.nodusPath || a.lspPath !== b.lspPath || a.lspEnabled !== b.lspEnabled;
}
