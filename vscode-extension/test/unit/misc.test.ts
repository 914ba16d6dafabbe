import * as assert from 'assert';
import { jsDebugAttachConfig, TAG_KEY } from '../../src/attachConfig';
import { displayCommand, inspectTargetFromArgv, isNodusArgv, launchArgs, runArgs, watchArgs } from '../../src/commandLines';
import { CrashTracker } from '../../src/crash';
import { mergeEnv } from '../../src/inspector';
import { documentSelector, serverExecutable } from '../../src/lspOptions';

describe('command lines', () => {
  const spec = { program: '/w/app.js', args: ['--port', '80'], runtimeArgs: ['--no-warnings'] };
  it('launch: runtime args, --inspect-brk on a free loopback port, program, args', () => {
    assert.deepStrictEqual(launchArgs(spec), ['--no-warnings', '--inspect-brk=127.0.0.1:0', '/w/app.js', '--port', '80']);
    assert.deepStrictEqual(launchArgs({ program: 'a.js' }, 9333), ['--inspect-brk=127.0.0.1:9333', 'a.js']);
  });
  it('watch and run', () => {
    assert.deepStrictEqual(watchArgs(spec), ['--no-warnings', '--watch', '/w/app.js', '--port', '80']);
    assert.deepStrictEqual(runArgs({ program: 'a.js' }), ['a.js']);
  });
  it('displayCommand quotes what a shell would split', () => {
    assert.strictEqual(displayCommand(['nodus', 'my app.js', "it's"]), "nodus 'my app.js' 'it'\\''s'");
  });
});

describe('inspectTargetFromArgv (attach to a process)', () => {
  it('node defaults', () => {
    assert.deepStrictEqual(inspectTargetFromArgv(['nodus', 'app.js']), { host: '127.0.0.1', port: 9229, active: false });
    assert.deepStrictEqual(inspectTargetFromArgv(['nodus', '--inspect', 'app.js']), { host: '127.0.0.1', port: 9229, active: true });
  });
  it('port, host:port, [v6]:port, --inspect-port for SIGUSR1', () => {
    assert.deepStrictEqual(inspectTargetFromArgv(['nodus', '--inspect-brk=9300', 'a.js']), { host: '127.0.0.1', port: 9300, active: true });
    assert.deepStrictEqual(inspectTargetFromArgv(['nodus', '--inspect-wait=0.0.0.0:9301', 'a.js']), { host: '0.0.0.0', port: 9301, active: true });
    assert.deepStrictEqual(inspectTargetFromArgv(['nodus', '--inspect=[::1]:9302', 'a.js']), { host: '::1', port: 9302, active: true });
    assert.deepStrictEqual(inspectTargetFromArgv(['nodus', '--inspect-port', '9303', 'a.js']), { host: '127.0.0.1', port: 9303, active: false });
  });
  it("the program's own arguments are not nodus's", () => {
    assert.deepStrictEqual(inspectTargetFromArgv(['nodus', 'a.js', '--inspect=1234']), { host: '127.0.0.1', port: 9229, active: false });
  });
  it('isNodusArgv', () => {
    assert.ok(isNodusArgv(['/home/u/build/runtime/nodus', 'a.js']));
    assert.ok(!isNodusArgv(['/usr/bin/nodus-lsp']));
    assert.ok(!isNodusArgv(['nodus-watch', '--', 'nodus', 'a.js']));
  });
});

describe('CrashTracker', () => {
  it('restarts up to the limit within the window, then gives up; old crashes age out', () => {
    let now = 0;
    const t = new CrashTracker(3, 1000, () => now);
    assert.deepStrictEqual([t.record(), t.record(), t.record()], ['restart', 'restart', 'restart']);
    assert.strictEqual(t.record(), 'give-up');
    now = 5000;
    assert.strictEqual(t.record(), 'restart');
    t.reset();
    assert.strictEqual(t.recent, 0);
  });
});

describe('js-debug attach configuration', () => {
  it('launch: continues past --inspect-brk unless stopOnEntry; passes js-debug options through', () => {
    const cfg = jsDebugAttachConfig({
      name: 'n',
      websocketAddress: 'ws://127.0.0.1:1/u',
      launched: true,
      cwd: '/w',
      tag: 't1',
      from: { skipFiles: ['x/**'], outFiles: ['o'], program: 'p', runtimeArgs: ['--x'] },
    });
    assert.deepStrictEqual(cfg, {
      type: 'node',
      request: 'attach',
      name: 'n',
      websocketAddress: 'ws://127.0.0.1:1/u',
      skipFiles: ['x/**'],
      outFiles: ['o'],
      cwd: '/w',
      continueOnAttach: true,
      [TAG_KEY]: 't1',
    });
    assert.strictEqual(jsDebugAttachConfig({ name: 'n', websocketAddress: 'w', launched: true, stopOnEntry: true, tag: 't', from: {} }).continueOnAttach, false);
    assert.ok(!('continueOnAttach' in jsDebugAttachConfig({ name: 'n', websocketAddress: 'w', launched: false, tag: 't', from: {} })));
  });
});

describe('launch environment and server options', () => {
  it('env: adds, overrides, null removes', () => {
    assert.deepStrictEqual(mergeEnv({ A: '1', B: '2' }, { B: '3', A: null, C: 'x' }), { B: '3', C: 'x' });
  });
  it('nodus-lsp --stdio for .js/.cjs files and untitled JavaScript', () => {
    const exe = serverExecutable('/x/nodus-lsp', { PATH: '/bin' });
    assert.deepStrictEqual({ command: exe.command, args: exe.args, env: exe.options?.env as unknown }, { command: '/x/nodus-lsp', args: ['--stdio'], env: { PATH: '/bin' } });
    assert.ok(!('transport' in exe), 'no transport: the client must not append a second --stdio');
    assert.deepStrictEqual(documentSelector.map((d) => d.scheme), ['file', 'untitled']);
  });
});
