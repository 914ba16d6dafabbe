// Tasks of type "nodus": `nodus --watch SCRIPT` (or a plain run), with the
// $nodus / $nodus-watch problem matchers contributed in package.json.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { findNodus } from './binaries';
import { runArgs, watchArgs } from './commandLines';
import { NodusSettings } from './config';

export interface NodusTaskDefinition extends vscode.TaskDefinition {
  type: 'nodus';
  script: string;
  watch?: boolean;
  args?: string[];
  runtimeArgs?: string[];
}

export class NodusTaskProvider implements vscode.TaskProvider {
  constructor(private readonly settings: () => NodusSettings) {}

  provideTasks(): vscode.Task[] {
    const tasks: vscode.Task[] = [];
    const seen = new Set<string>();
    const add = (folder: vscode.WorkspaceFolder, script: string): void => {
      const key = `${folder.uri.fsPath}\0${script}`;
      if (!seen.has(key)) {
        seen.add(key);
        tasks.push(this.makeTask({ type: 'nodus', script, watch: true }, folder));
      }
    };
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.languageId === 'javascript' && doc.uri.scheme === 'file') {
      const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
      if (folder) {
        add(folder, path.relative(folder.uri.fsPath, doc.uri.fsPath));
      }
    }
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const main = packageMain(folder.uri.fsPath);
      if (main) {
        add(folder, main);
      }
    }
    return tasks;
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const def = task.definition as NodusTaskDefinition;
    if (def.type !== 'nodus' || typeof def.script !== 'string') {
      return undefined;
    }
    const folder = typeof task.scope === 'object' ? task.scope : undefined;
    return this.makeTask(def, folder, task.name);
  }

  makeTask(def: NodusTaskDefinition, folder: vscode.WorkspaceFolder | undefined, name?: string): vscode.Task {
    const nodus = findNodus(this.settings(), process.env).file ?? (this.settings().nodusPath || 'nodus');
    const watch = def.watch !== false;
    const spec = { program: def.script, args: def.args, runtimeArgs: def.runtimeArgs };
    const exec = new vscode.ProcessExecution(nodus, watch ? watchArgs(spec) : runArgs(spec), {
      cwd: folder?.uri.fsPath ?? path.dirname(def.script),
    });
    const task = new vscode.Task(
      def,
      folder ?? vscode.TaskScope.Workspace,
      name ?? `${watch ? 'watch' : 'run'} ${def.script}`,
      'nodus',
      exec,
      watch ? '$nodus-watch' : '$nodus',
    );
    task.isBackground = watch;
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, clear: false };
    return task;
  }
}

/** package.json's "main", when it names an existing file. */
function packageMain(dir: string): string | undefined {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { main?: unknown };
    if (typeof pkg.main === 'string' && pkg.main) {
      for (const candidate of [pkg.main, `${pkg.main}.js`]) {
        if (fs.existsSync(path.join(dir, candidate)) && fs.statSync(path.join(dir, candidate)).isFile()) {
          return path.normalize(candidate);
        }
      }
    }
  } catch {
    // No package.json, or not JSON: no task from it.
  }
  return undefined;
}
