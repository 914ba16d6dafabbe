// activate() against a faked `vscode` module: every command, the debug type
// and the task type that package.json contributes is registered. The fake
// answers any other API with a harmless stand-in.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Module from 'module';

interface Manifest {
  contributes: { commands: { command: string }[]; debuggers: { type: string }[]; taskDefinitions: { type: string }[] };
}

function stub(): unknown {
  const fn = function (): unknown {
    return proxy;
  };
  const proxy: unknown = new Proxy(fn, {
    get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : proxy),
    apply: () => proxy,
    construct: () => proxy as object,
  });
  return proxy;
}

describe('activate (faked vscode)', () => {
  const registered = { commands: [] as string[], debug: [] as string[], tasks: [] as string[] };
  const disposable = { dispose: (): void => undefined };
  const event = (): typeof disposable => disposable;
  const fake: Record<string, unknown> = {
    window: new Proxy(
      {
        createOutputChannel: () => ({ appendLine: () => undefined, append: () => undefined, show: () => undefined, dispose: () => undefined }),
        createStatusBarItem: () => ({ show: () => undefined, hide: () => undefined, dispose: () => undefined }),
        showErrorMessage: () => Promise.resolve(undefined),
        showInformationMessage: () => Promise.resolve(undefined),
      },
      { get: (t: Record<string, unknown>, k: string) => t[k] ?? stub() },
    ),
    workspace: new Proxy(
      {
        getConfiguration: () => ({ get: (k: string) => ({ 'lsp.enabled': false, 'statusBar.enabled': false })[k] }),
        workspaceFolders: undefined,
        onDidChangeConfiguration: event,
        onDidGrantWorkspaceTrust: event,
      },
      { get: (t: Record<string, unknown>, k: string) => (k in t ? t[k] : stub()) },
    ),
    commands: {
      registerCommand: (name: string) => {
        registered.commands.push(name);
        return disposable;
      },
      executeCommand: () => Promise.resolve(undefined),
    },
    debug: {
      registerDebugConfigurationProvider: (type: string) => {
        registered.debug.push(type);
        return disposable;
      },
      onDidTerminateDebugSession: event,
    },
    tasks: {
      registerTaskProvider: (type: string) => {
        registered.tasks.push(type);
        return disposable;
      },
    },
  };

  const M = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = M._load;
  before(() => {
    M._load = function (request: string, ...rest: unknown[]): unknown {
      if (request === 'vscode') {
        return new Proxy(fake, { get: (t, k: string) => (k in t ? t[k] : stub()) });
      }
      return originalLoad.call(this, request, ...rest);
    };
  });
  after(() => {
    M._load = originalLoad;
  });

  it("registers every command, the debug type and the task type package.json contributes", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ext = require('../../src/extension') as { activate: (c: unknown) => Promise<void>; deactivate: () => Promise<void> };
    const subscriptions: unknown[] = [];
    await ext.activate({ subscriptions });
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as Manifest;
    for (const c of manifest.contributes.commands) {
      assert.ok(registered.commands.includes(c.command), `command ${c.command} is not registered`);
    }
    assert.ok(registered.commands.includes('nodus.pickProcess'), 'the ${command:nodus.pickProcess} variable');
    assert.deepStrictEqual(registered.debug, manifest.contributes.debuggers.map((d) => d.type));
    assert.deepStrictEqual(registered.tasks, manifest.contributes.taskDefinitions.map((t) => t.type));
    assert.ok(subscriptions.length > 0);
    await ext.deactivate();
  });
});
