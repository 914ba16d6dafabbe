import * as assert from 'assert';
import { expandPath, lspSettingsChanged, readSettings, ConfigSource } from '../../src/config';

/** A stand-in for vscode.WorkspaceConfiguration of the "nodus" section. */
function fakeConfig(values: Record<string, unknown>): ConfigSource {
  return { get: <T>(key: string): T | undefined => values[key] as T | undefined };
}

const ctx = { workspaceFolder: '/ws', home: '/home/u' };

describe('readSettings', () => {
  it('defaults when nothing is set', () => {
    assert.deepStrictEqual(readSettings(fakeConfig({}), ctx, {}), {
      nodusPath: '',
      lspPath: '',
      lspEnabled: true,
      trace: 'off',
      statusBar: true,
    });
  });

  it('reads every setting and ignores values of the wrong type', () => {
    const s = readSettings(
      fakeConfig({ path: ' ~/bin/nodus ', 'lsp.path': '${workspaceFolder}/build/lsp/nodus-lsp', 'lsp.enabled': false, 'lsp.trace.server': 'verbose', 'statusBar.enabled': 'no' }),
      ctx,
      {},
    );
    assert.deepStrictEqual(s, {
      nodusPath: '/home/u/bin/nodus',
      lspPath: '/ws/build/lsp/nodus-lsp',
      lspEnabled: false,
      trace: 'verbose',
      statusBar: true,
    });
    assert.strictEqual(readSettings(fakeConfig({ 'lsp.trace.server': 'loud', path: 42 }), ctx, {}).trace, 'off');
    assert.strictEqual(readSettings(fakeConfig({ path: 42 }), ctx, {}).nodusPath, '');
  });

  it('only path and enablement changes restart the server', () => {
    const a = readSettings(fakeConfig({}), ctx, {});
    assert.strictEqual(lspSettingsChanged(a, { ...a, trace: 'messages', statusBar: false }), false);
    assert.strictEqual(lspSettingsChanged(a, { ...a, nodusPath: '/x/nodus' }), true);
    assert.strictEqual(lspSettingsChanged(a, { ...a, lspEnabled: false }), true);
  });
});

describe('expandPath', () => {
  it('bare names stay bare (PATH lookup), relative paths join the workspace', () => {
    assert.strictEqual(expandPath('nodus', ctx, {}), 'nodus');
    assert.strictEqual(expandPath('build/runtime/nodus', ctx, {}), '/ws/build/runtime/nodus');
    assert.strictEqual(expandPath('./nodus', ctx, {}), '/ws/nodus');
    assert.strictEqual(expandPath('/opt/nodus', ctx, {}), '/opt/nodus');
  });

  it('variables', () => {
    assert.strictEqual(expandPath('${env:NODUS_HOME}/bin/nodus', ctx, { NODUS_HOME: '/opt/n' }), '/opt/n/bin/nodus');
    assert.strictEqual(expandPath('${userHome}/nodus', ctx, {}), '/home/u/nodus');
    assert.strictEqual(expandPath('~', ctx, {}), '/home/u');
    assert.strictEqual(expandPath('   ', ctx, {}), '');
  });

  it('without a workspace ${workspaceFolder} is left as is', () => {
    assert.strictEqual(expandPath('${workspaceFolder}/x', { home: '/h' }, {}), '${workspaceFolder}/x');
  });
});
