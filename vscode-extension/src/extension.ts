// Entry point: wires the settings, the language client, the debug type, the
// task provider, the commands and the status bar. No telemetry of any kind.
import * as path from 'path';
import * as vscode from 'vscode';
import { findNodus, notFoundMessage } from './binaries';
import { lspSettingsChanged, NodusSettings, readSettings } from './config';
import { NodusDebug } from './debug';
import { LanguageServer } from './lsp';
import { NodusStatus } from './status';
import { NodusTaskProvider } from './tasks';

let server: LanguageServer | undefined;

function currentSettings(): NodusSettings {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return readSettings(vscode.workspace.getConfiguration('nodus'), { workspaceFolder: folder });
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  let settings = currentSettings();
  const get = (): NodusSettings => settings;

  server = new LanguageServer(get);
  const status = new NodusStatus(get);
  const debug = new NodusDebug(get);
  const tasks = new NodusTaskProvider(get);
  context.subscriptions.push(server, status, debug);

  context.subscriptions.push(
    vscode.debug.registerDebugConfigurationProvider('nodus', debug),
    vscode.tasks.registerTaskProvider('nodus', tasks),
    vscode.commands.registerCommand('nodus.restartLanguageServer', () => server?.restart()),
    vscode.commands.registerCommand('nodus.pickProcess', () => debug.pickProcess()),
    vscode.commands.registerCommand('nodus.runFile', (uri?: vscode.Uri) => runTask(tasks, uri, false)),
    vscode.commands.registerCommand('nodus.watchFile', (uri?: vscode.Uri) => runTask(tasks, uri, true)),
    vscode.commands.registerCommand('nodus.openRepl', () => openRepl(get())),
    vscode.commands.registerCommand('nodus.showVersion', async () => {
      await status.refresh();
      const c = status.current;
      const text = c.file ? `${c.file}: ${c.version ? `v${c.version}` : 'unknown version'}${c.problem ? ` (${c.problem})` : ''}` : (c.problem ?? 'nodus not found');
      const pick = await vscode.window.showInformationMessage(text, 'Open Settings');
      if (pick) {
        await vscode.commands.executeCommand('workbench.action.openSettings', 'nodus.path');
      }
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('nodus')) {
        return;
      }
      const before = settings;
      settings = currentSettings();
      void status.refresh();
      if (lspSettingsChanged(before, settings)) {
        await server?.stop();
        await server?.start();
      } else if (before.trace !== settings.trace) {
        await server?.applyTrace();
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      settings = currentSettings();
      void status.refresh();
      void server?.restart();
    }),
  );

  void status.refresh();
  await server.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}

async function targetFile(uri: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  if (!target || target.scheme !== 'file') {
    void vscode.window.showInformationMessage('Open a JavaScript file saved on disk to run it with nodus.');
    return undefined;
  }
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
  if (doc?.isDirty) {
    await doc.save();
  }
  return target;
}

async function runTask(tasks: NodusTaskProvider, uri: vscode.Uri | undefined, watch: boolean): Promise<void> {
  const file = await targetFile(uri);
  if (!file) {
    return;
  }
  const folder = vscode.workspace.getWorkspaceFolder(file);
  const script = folder ? path.relative(folder.uri.fsPath, file.fsPath) : file.fsPath;
  const task = tasks.makeTask({ type: 'nodus', script, watch }, folder);
  await vscode.tasks.executeTask(task);
}

function openRepl(settings: NodusSettings): void {
  const lookup = findNodus(settings, process.env);
  if (!lookup.file) {
    void vscode.window.showErrorMessage(notFoundMessage('nodus', lookup, 'nodus.path'));
    return;
  }
  const terminal = vscode.window.createTerminal({
    name: 'nodus REPL',
    shellPath: lookup.file,
    cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
  });
  terminal.show();
}
