// The "nodus" debug type. There is no debug adapter of our own: a launch
// starts `nodus --inspect-brk=127.0.0.1:0 PROGRAM ARGS`, learns the port
// from the banner, and starts an attach session of VS Code's JavaScript
// debugger on that WebSocket; our own configuration then resolves to
// undefined, which ends it quietly. An attach finds the WebSocket of a
// running `nodus --inspect` (by port, or a picked process) the same way.
import * as path from 'path';
import * as vscode from 'vscode';
import { jsDebugAttachConfig, TAG_KEY } from './attachConfig';
import { findNodus, notFoundMessage } from './binaries';
import { inspectTargetFromArgv, displayCommand, launchArgs } from './commandLines';
import { NodusSettings } from './config';
import { freePort, mergeEnv, startInspected, waitForInspector } from './inspector';
import { argvOf, listNodusProcesses } from './processes';

interface Running {
  kill(): void;
  alive(): boolean;
}

export class NodusDebug implements vscode.DebugConfigurationProvider, vscode.Disposable {
  private readonly running = new Map<string, Running>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly programOutput: vscode.OutputChannel;
  private counter = 0;

  constructor(private readonly settings: () => NodusSettings) {
    this.programOutput = vscode.window.createOutputChannel('nodus Program Output');
    this.disposables.push(
      this.programOutput,
      vscode.debug.onDidTerminateDebugSession((session) => {
        const tag = (session.configuration as Record<string, unknown>)[TAG_KEY];
        if (typeof tag === 'string') {
          const r = this.running.get(tag);
          this.running.delete(tag);
          if (r?.alive()) {
            r.kill();
          }
        }
      }),
    );
  }

  /** F5 with no launch.json: debug the active JavaScript file. */
  resolveDebugConfiguration(
    _folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): vscode.DebugConfiguration | undefined {
    if (!config.type && !config.request && !config.name) {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document.languageId !== 'javascript') {
        void vscode.window.showInformationMessage('Open a JavaScript file to debug it with nodus.');
        return undefined;
      }
      return { type: 'nodus', request: 'launch', name: 'nodus: Launch File', program: '${file}' };
    }
    return config;
  }

  async resolveDebugConfigurationWithSubstitutedVariables(
    folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): Promise<vscode.DebugConfiguration | undefined> {
    try {
      if (config.request === 'attach') {
        await this.attach(folder, config);
      } else {
        await this.launch(folder, config);
      }
    } catch (e) {
      void vscode.window.showErrorMessage(`nodus: ${e instanceof Error ? e.message : String(e)}`);
    }
    // undefined: VS Code drops this configuration; the js-debug session started above is the real one.
    return undefined;
  }

  /** ${command:nodus.pickProcess}: a quick pick of running nodus processes; resolves the pid. */
  async pickProcess(): Promise<string | undefined> {
    const list = await listNodusProcesses();
    if (!list.length) {
      void vscode.window.showInformationMessage('No running nodus process found.');
      return undefined;
    }
    const pick = await vscode.window.showQuickPick(
      list.map((p) => {
        const t = inspectTargetFromArgv(p.argv);
        return {
          label: `${p.pid}`,
          description: displayCommand(p.argv),
          detail: t.active ? `inspector on ${t.host}:${t.port}` : `no inspector yet: SIGUSR1 opens one on ${t.host}:${t.port}`,
        };
      }),
      { placeHolder: 'Pick the nodus process to attach to' },
    );
    return pick?.label;
  }

  dispose(): void {
    for (const r of this.running.values()) {
      if (r.alive()) {
        r.kill();
      }
    }
    this.running.clear();
    for (const d of this.disposables) {
      d.dispose();
    }
  }

  private nodusFor(config: vscode.DebugConfiguration): string {
    const explicit = typeof config.runtimeExecutable === 'string' ? config.runtimeExecutable : '';
    const lookup = findNodus({ nodusPath: explicit || this.settings().nodusPath }, process.env);
    if (!lookup.file) {
      throw new Error(notFoundMessage('nodus', lookup, explicit ? 'runtimeExecutable' : 'nodus.path'));
    }
    return lookup.file;
  }

  private async launch(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): Promise<void> {
    if (typeof config.program !== 'string' || !config.program) {
      throw new Error('the launch configuration needs "program"');
    }
    const nodus = this.nodusFor(config);
    const program = config.program;
    const cwd = typeof config.cwd === 'string' && config.cwd ? config.cwd : (folder?.uri.fsPath ?? path.dirname(program));
    const spec = {
      program,
      args: stringArray(config.args),
      runtimeArgs: stringArray(config.runtimeArgs),
    };
    const envExtra = (config.env ?? {}) as Record<string, string | null>;
    const timeoutMs = typeof config.timeout === 'number' ? config.timeout : 10000;
    const tag = `nodus-${process.pid}-${++this.counter}`;
    const name = typeof config.name === 'string' ? config.name : `nodus: ${path.basename(program)}`;
    let wsUrl: string;

    if (config.console === 'integratedTerminal' || config.console === 'externalTerminal') {
      // The terminal owns stderr, so the banner cannot be read: pick the port
      // here and ask the inspector's HTTP endpoint for the WebSocket URL.
      const port = await freePort();
      const terminal = vscode.window.createTerminal({
        name,
        shellPath: nodus,
        shellArgs: launchArgs(spec, port),
        cwd,
        env: envExtra,
      });
      terminal.show(true);
      this.running.set(tag, {
        alive: () => terminal.exitStatus === undefined,
        kill: () => {
          void terminal.processId.then((pid) => {
            if (pid) {
              try {
                process.kill(pid, 'SIGTERM');
              } catch {
                // Already gone.
              }
            }
          });
        },
      });
      wsUrl = await waitForInspector('127.0.0.1', port, timeoutMs);
    } else {
      const out = this.programOutput;
      out.appendLine(`> ${displayCommand([nodus, ...launchArgs(spec)])}`);
      const started = await startInspected({ nodus, ...spec, cwd, env: mergeEnv(process.env, envExtra), timeoutMs });
      const child = started.child;
      child.stdout?.setEncoding('utf8');
      child.stdout?.on('data', (c: string) => out.append(c));
      child.stderr?.on('data', (c: string) => out.append(c));
      child.on('exit', (code, signal) => {
        out.appendLine(`[${path.basename(program)} exited with ${signal ?? `code ${code}`}]`);
        this.running.delete(tag);
      });
      this.running.set(tag, {
        alive: () => child.exitCode === null && child.signalCode === null,
        kill: () => child.kill('SIGTERM'),
      });
      wsUrl = started.endpoint.url;
    }

    const attach = jsDebugAttachConfig({
      name,
      websocketAddress: wsUrl,
      launched: true,
      stopOnEntry: config.stopOnEntry === true,
      cwd,
      tag,
      from: config,
    });
    const ok = await vscode.debug.startDebugging(folder, attach as vscode.DebugConfiguration);
    if (!ok) {
      this.running.get(tag)?.kill();
      this.running.delete(tag);
      throw new Error("VS Code's JavaScript debugger did not start (is the built-in js-debug extension disabled?)");
    }
  }

  private async attach(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): Promise<void> {
    const timeoutMs = typeof config.timeout === 'number' ? config.timeout : 10000;
    let wsUrl: string;
    let label: string;
    if (typeof config.websocketAddress === 'string' && config.websocketAddress) {
      wsUrl = config.websocketAddress;
      label = wsUrl;
    } else if (config.processId !== undefined && config.processId !== '') {
      const pid = Number(config.processId);
      if (!Number.isInteger(pid) || pid <= 0) {
        throw new Error(`"processId" must be a process id, got ${JSON.stringify(config.processId)}`);
      }
      const argv = argvOf(pid);
      const target = inspectTargetFromArgv(argv ?? []);
      if (!target.active) {
        // nodus, like node, opens its inspector on SIGUSR1 (on --inspect-port, default 9229).
        process.kill(pid, 'SIGUSR1');
      }
      wsUrl = await waitForInspector(target.host, target.port, timeoutMs);
      label = `process ${pid}`;
    } else {
      const host = typeof config.address === 'string' && config.address ? config.address : '127.0.0.1';
      const port = typeof config.port === 'number' ? config.port : 9229;
      wsUrl = await waitForInspector(host, port, timeoutMs);
      label = `${host}:${port}`;
    }
    const attach = jsDebugAttachConfig({
      name: typeof config.name === 'string' ? config.name : `nodus: attach ${label}`,
      websocketAddress: wsUrl,
      launched: false,
      cwd: typeof config.cwd === 'string' ? config.cwd : folder?.uri.fsPath,
      tag: `nodus-attach-${++this.counter}`,
      from: config,
    });
    const ok = await vscode.debug.startDebugging(folder, attach as vscode.DebugConfiguration);
    if (!ok) {
      throw new Error("VS Code's JavaScript debugger did not start (is the built-in js-debug extension disabled?)");
    }
  }
}

function stringArray(v: unknown): string[] {
  return Array.isArray(v) ? v.map((x) => String(x)) : [];
}
