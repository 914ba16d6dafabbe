// The extension's server options against the real nodus-lsp, spoken to with
// vscode-languageclient's own protocol packages (no VS Code here).
import * as assert from 'assert';
import { ChildProcess, spawn } from 'child_process';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection,
  DefinitionRequest,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LocationLink,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { probeVersion, MIN_LSP_VERSION } from '../../src/binaries';
import { serverExecutable } from '../../src/lspOptions';
import { binary, workspace } from './env';

describe('nodus-lsp through the extension server options', function () {
  this.timeout(20000);
  let child: ChildProcess;
  let conn: ProtocolConnection;
  let ws: ReturnType<typeof workspace>;
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const waiters: (() => void)[] = [];
  let stderr = '';

  before(() => {
    ws = workspace({
      'main.js': "const util = require('./lib/util');\nconst gone = require('./missing');\nutil.greet('x');\n",
      'lib/util.js': "exports.greet = (n) => 'hi ' + n;\n",
    });
    const exe = serverExecutable(binary('NODUS_LSP'));
    child = spawn(exe.command, exe.args ?? [], { cwd: ws.dir, env: exe.options?.env as NodeJS.ProcessEnv | undefined, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    if (!child.stdout || !child.stdin) {
      throw new Error('no stdio');
    }
    conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      diagnostics.set(p.uri, p);
      waiters.splice(0).forEach((w) => w());
    });
    conn.listen();
  });

  after(async () => {
    try {
      await conn.sendRequest(ShutdownRequest.type);
      await conn.sendNotification(ExitNotification.type);
    } catch {
      // Already gone: the test that failed says why.
    }
    conn.dispose();
    child.kill();
    ws.cleanup();
  });

  async function diagnosticsFor(uri: string): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + 10000;
    while (!diagnostics.has(uri)) {
      if (Date.now() > deadline) {
        throw new Error(`no diagnostics for ${uri}; stderr:\n${stderr}`);
      }
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 200);
      });
    }
    return diagnostics.get(uri)!;
  }

  it('passes the --version check the extension makes', async () => {
    const v = await probeVersion(binary('NODUS_LSP'), MIN_LSP_VERSION);
    assert.ok(v.ok, JSON.stringify(v));
  });

  it('initializes and advertises definitions', async () => {
    const root = pathToFileURL(ws.dir).href;
    const result = await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: 'ws' }],
      capabilities: { textDocument: { publishDiagnostics: {}, definition: { linkSupport: true } } },
    });
    assert.ok(result.capabilities.definitionProvider, JSON.stringify(result.capabilities));
    await conn.sendNotification(InitializedNotification.type, {});
  });

  it('opening a file publishes the unresolved require', async () => {
    const uri = pathToFileURL(`${ws.dir}/main.js`).href;
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'javascript', version: 1, text: "const util = require('./lib/util');\nconst gone = require('./missing');\nutil.greet('x');\n" },
    });
    const d = await diagnosticsFor(uri);
    // Only the resolution error: later server layers may add other kinds (unused names, …).
    const unresolved = d.diagnostics.filter((x) => /Cannot find module/.test(x.message));
    assert.strictEqual(unresolved.length, 1, JSON.stringify(d.diagnostics));
    assert.strictEqual(unresolved[0].range.start.line, 1);
    assert.match(unresolved[0].message, /Cannot find module '\.\/missing'/);
    assert.ok(!d.diagnostics.some((x) => x.range.start.line === 0 && x.severity === 1), 'the resolvable require is not an error');
  });

  it('definition on a require string goes to the other file', async () => {
    const uri = pathToFileURL(`${ws.dir}/main.js`).href;
    const result = await conn.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 0, character: 25 } });
    const first = Array.isArray(result) ? result[0] : result;
    assert.ok(first, 'no definition');
    const target = LocationLink.is(first) ? first.targetUri : first.uri;
    assert.strictEqual(target, pathToFileURL(`${ws.dir}/lib/util.js`).href);
  });
});
