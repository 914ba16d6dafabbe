// The nodus command lines the extension runs. No vscode import.

export interface LaunchSpec {
  program: string;
  args?: string[];
  runtimeArgs?: string[];
}

/** Debug launch: `nodus [runtimeArgs] --inspect-brk=HOST:PORT PROGRAM [args]` (port 0: nodus picks one). */
export function launchArgs(spec: LaunchSpec, port = 0, host = '127.0.0.1'): string[] {
  return [...(spec.runtimeArgs ?? []), `--inspect-brk=${host}:${port}`, spec.program, ...(spec.args ?? [])];
}

/** Watch task: `nodus [runtimeArgs] --watch SCRIPT [args]`. */
export function watchArgs(spec: LaunchSpec): string[] {
  return [...(spec.runtimeArgs ?? []), '--watch', spec.program, ...(spec.args ?? [])];
}

/** Plain run: `nodus [runtimeArgs] SCRIPT [args]`. */
export function runArgs(spec: LaunchSpec): string[] {
  return [...(spec.runtimeArgs ?? []), spec.program, ...(spec.args ?? [])];
}

export interface InspectTarget {
  host: string;
  port: number;
  /** True when the process was started with an active inspector (--inspect*). */
  active: boolean;
}

/**
 * Where a running nodus's inspector is (or, after SIGUSR1, will be) from its
 * argv: --inspect[-brk|-wait][=[host:]port] starts it; --inspect-port sets
 * where SIGUSR1 opens it. Default 127.0.0.1:9229, as in node.
 */
export function inspectTargetFromArgv(argv: string[]): InspectTarget {
  let host = '127.0.0.1';
  let port = 9229;
  let active = false;
  const apply = (value: string): void => {
    const m = /^(?:(\[[^\]]+\]|[^:]*):)?(\d+)$/.exec(value);
    if (m) {
      if (m[1]) {
        host = m[1].replace(/^\[|\]$/g, '');
      }
      port = Number(m[2]);
    } else if (value) {
      host = value;
    }
  };
  // Options end at the script (the first argument that is not an option).
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      break;
    }
    const m = /^--inspect(-brk|-wait|-port)?(?:=(.*))?$/.exec(a);
    if (m) {
      if (m[1] !== '-port') {
        active = true;
      }
      let value = m[2];
      if (value === undefined && m[1] === '-port' && i + 1 < argv.length) {
        value = argv[++i];
      }
      if (value !== undefined) {
        apply(value);
      }
      continue;
    }
    if (!a.startsWith('-')) {
      break;
    }
  }
  return { host, port, active };
}

/** A process whose argv[0] is a nodus executable (`nodus`, `/x/nodus`), not nodus-lsp or nodus-watch. */
export function isNodusArgv(argv: string[]): boolean {
  const exe = argv[0] ?? '';
  const base = exe.split(/[\\/]/).pop() ?? '';
  return base === 'nodus' || base === 'nodus.exe';
}

/** Shell-quotes for display only (labels, messages). */
export function displayCommand(argv: string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
