// The nodus-lsp client: start, stop, restart, crash policy, and a clear
// message when the binary is missing or too old.
import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
  LanguageClient,
  LanguageClientOptions,
  State,
  Trace,
} from 'vscode-languageclient/node';
import { findLsp, MIN_LSP_VERSION, notFoundMessage, probeVersion } from './binaries';
import { NodusSettings } from './config';
import { CrashTracker } from './crash';
import { clientId, clientName, documentSelector, serverExecutable } from './lspOptions';

export class LanguageServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly crashes = new CrashTracker();
  private readonly output: vscode.OutputChannel;
  private readonly trace: vscode.OutputChannel;
  private starting: Promise<void> | undefined;

  constructor(private readonly settings: () => NodusSettings) {
    this.output = vscode.window.createOutputChannel(clientName);
    this.trace = vscode.window.createOutputChannel(`${clientName} Trace`);
  }

  get running(): boolean {
    return this.client?.state === State.Running;
  }

  /** Starts the server unless disabled; reports (never throws) what went wrong. */
  async start(): Promise<void> {
    if (this.starting) {
      return this.starting;
    }
    this.starting = this.doStart().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async doStart(): Promise<void> {
    const s = this.settings();
    if (!s.lspEnabled || this.client) {
      return;
    }
    const lookup = findLsp(s, process.env);
    if (!lookup.file) {
      const message = notFoundMessage('nodus-lsp', lookup, 'nodus.lsp.path');
      this.output.appendLine(message);
      void this.complain(message);
      return;
    }
    const version = await probeVersion(lookup.file, MIN_LSP_VERSION);
    if (!version.ok) {
      const message = `nodus-lsp at ${lookup.file} cannot be used: ${version.detail}.`;
      this.output.appendLine(message);
      void this.complain(message);
      return;
    }
    this.output.appendLine(`Starting ${lookup.file} (${lookup.source}), version ${version.version}`);
    const exe = serverExecutable(lookup.file);
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      outputChannel: this.output,
      traceOutputChannel: this.trace,
      errorHandler: this.errorHandler(),
      initializationFailedHandler: (error) => {
        this.output.appendLine(`initialize failed: ${String(error)}`);
        return false;
      },
    };
    const client = new LanguageClient(clientId, clientName, { run: exe, debug: exe }, clientOptions);
    this.client = client;
    try {
      await client.start();
      await client.setTrace(traceFromSetting(s.trace));
    } catch (e) {
      this.client = undefined;
      const message = `nodus-lsp did not start: ${e instanceof Error ? e.message : String(e)}`;
      this.output.appendLine(message);
      void this.complain(message);
      await client.dispose().catch(() => undefined);
    }
  }

  async stop(): Promise<void> {
    await this.starting;
    const client = this.client;
    this.client = undefined;
    if (client) {
      try {
        await client.stop(2000);
      } catch (e) {
        this.output.appendLine(`stop: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  /** "nodus: Restart Language Server": also forgets earlier crashes. */
  async restart(): Promise<void> {
    this.crashes.reset();
    await this.stop();
    await this.start();
  }

  async applyTrace(): Promise<void> {
    if (this.client && this.running) {
      await this.client.setTrace(traceFromSetting(this.settings().trace));
    }
  }

  dispose(): void {
    void this.stop();
    this.output.dispose();
    this.trace.dispose();
  }

  private errorHandler(): ErrorHandler {
    return {
      error: (_error, _message, count): ErrorHandlerResult =>
        count !== undefined && count <= 3 ? { action: ErrorAction.Continue } : { action: ErrorAction.Shutdown },
      closed: (): CloseHandlerResult => {
        if (this.crashes.record() === 'restart') {
          this.output.appendLine(`nodus-lsp exited unexpectedly; restarting (${this.crashes.recent} in the last 3 minutes)`);
          return { action: CloseAction.Restart, handled: true };
        }
        const message = `nodus-lsp crashed ${this.crashes.recent} times in 3 minutes and will not be restarted. See the "${clientName}" output for its stderr.`;
        this.output.appendLine(message);
        void this.complain(message);
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    };
  }

  private async complain(message: string): Promise<void> {
    const pick = await vscode.window.showErrorMessage(message, 'Restart', 'Open Settings', 'Show Output');
    if (pick === 'Restart') {
      await vscode.commands.executeCommand('nodus.restartLanguageServer');
    } else if (pick === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'nodus.lsp');
    } else if (pick === 'Show Output') {
      this.output.show(true);
    }
  }
}

function traceFromSetting(t: NodusSettings['trace']): Trace {
  return Trace.fromString(t);
}
