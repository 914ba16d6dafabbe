import * as assert from 'assert';
import { checkVersion, findLsp, findNodus, findOnPath, notFoundMessage, parseVersion, Probe } from '../../src/binaries';

/** A file system with these executables; `links` maps a path to its realpath. */
function probe(executables: string[], links: Record<string, string> = {}): Probe & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    isExecutable: (f: string): boolean => {
      asked.push(f);
      return executables.includes(f);
    },
    realpath: (f: string): string => links[f] ?? f,
  };
}

const env = { PATH: '/usr/local/bin:/usr/bin' };

describe('findOnPath', () => {
  it('first executable in PATH order; empty entries skipped', () => {
    const p = probe(['/usr/bin/nodus', '/b/nodus']);
    assert.deepStrictEqual(findOnPath('nodus', ':/a::/b:/usr/bin', p, 'linux'), { file: '/b/nodus', source: 'PATH', tried: ['/a/nodus', '/b/nodus'] });
    assert.deepStrictEqual(findOnPath('nodus', undefined, p, 'linux'), { tried: [] });
  });
});

describe('findNodus', () => {
  it('nodus.path when set, without falling back', () => {
    assert.strictEqual(findNodus({ nodusPath: '/opt/nodus' }, env, probe(['/opt/nodus', '/usr/bin/nodus']), 'linux').file, '/opt/nodus');
    const missing = findNodus({ nodusPath: '/opt/nodus' }, env, probe(['/usr/bin/nodus']), 'linux');
    assert.deepStrictEqual(missing, { tried: ['/opt/nodus'] });
  });

  it('PATH when unset; a bare name in the setting is looked up on PATH', () => {
    assert.deepStrictEqual(findNodus({ nodusPath: '' }, env, probe(['/usr/bin/nodus']), 'linux'), {
      file: '/usr/bin/nodus',
      source: 'PATH',
      tried: ['/usr/local/bin/nodus', '/usr/bin/nodus'],
    });
    assert.strictEqual(findNodus({ nodusPath: 'nodus-dev' }, env, probe(['/usr/bin/nodus-dev']), 'linux').source, 'setting');
  });
});

describe('findLsp', () => {
  it('nodus.lsp.path wins', () => {
    const r = findLsp({ nodusPath: '/opt/nodus', lspPath: '/x/nodus-lsp' }, env, probe(['/x/nodus-lsp', '/opt/nodus', '/opt/nodus-lsp']), 'linux');
    assert.deepStrictEqual(r, { file: '/x/nodus-lsp', source: 'setting', tried: ['/x/nodus-lsp'] });
  });

  it('a missing nodus.lsp.path is reported, not replaced by another binary', () => {
    const r = findLsp({ nodusPath: '', lspPath: '/x/nodus-lsp' }, env, probe(['/usr/bin/nodus-lsp']), 'linux');
    assert.strictEqual(r.file, undefined);
  });

  it('then next to nodus.path', () => {
    const r = findLsp({ nodusPath: '/opt/n/bin/nodus', lspPath: '' }, env, probe(['/opt/n/bin/nodus', '/opt/n/bin/nodus-lsp', '/usr/bin/nodus-lsp']), 'linux');
    assert.deepStrictEqual(r, { file: '/opt/n/bin/nodus-lsp', source: 'next to nodus.path', tried: ['/opt/n/bin/nodus-lsp'] });
  });

  it("next to nodus.path in a build tree (runtime/nodus, lsp/nodus-lsp) and through a symlink's target", () => {
    const build = findLsp({ nodusPath: '/src/build/runtime/nodus', lspPath: '' }, env, probe(['/src/build/runtime/nodus', '/src/build/lsp/nodus-lsp']), 'linux');
    assert.strictEqual(build.file, '/src/build/lsp/nodus-lsp');
    const linked = findLsp(
      { nodusPath: '/home/u/bin/nodus', lspPath: '' },
      env,
      probe(['/home/u/bin/nodus', '/src/build/lsp/nodus-lsp'], { '/home/u/bin/nodus': '/src/build/runtime/nodus' }),
      'linux',
    );
    assert.deepStrictEqual(linked.tried, ['/home/u/bin/nodus-lsp', '/home/u/lsp/nodus-lsp', '/src/build/runtime/nodus-lsp', '/src/build/lsp/nodus-lsp']);
    assert.strictEqual(linked.file, '/src/build/lsp/nodus-lsp');
  });

  it('then PATH, and the message lists what was tried', () => {
    const r = findLsp({ nodusPath: '/opt/nodus', lspPath: '' }, env, probe(['/opt/nodus', '/usr/bin/nodus-lsp']), 'linux');
    assert.strictEqual(r.file, '/usr/bin/nodus-lsp');
    assert.strictEqual(r.source, 'PATH');
    const none = findLsp({ nodusPath: '', lspPath: '' }, env, probe([]), 'linux');
    assert.strictEqual(none.file, undefined);
    assert.strictEqual(
      notFoundMessage('nodus-lsp', none, 'nodus.lsp.path'),
      'nodus-lsp was not found. Set "nodus.lsp.path" to its path or put it on PATH. Looked at: /usr/local/bin/nodus-lsp, /usr/bin/nodus-lsp.',
    );
  });

  it('Windows names', () => {
    const r = findLsp({ nodusPath: '', lspPath: '' }, { PATH: 'C:\\n' }, probe(['C:\\n/nodus-lsp.exe']), 'win32');
    assert.strictEqual(r.file, 'C:\\n/nodus-lsp.exe');
  });
});

describe('versions', () => {
  it('parses both binaries\' --version', () => {
    assert.deepStrictEqual(parseVersion('v0.1.0\n'), [0, 1, 0]);
    assert.deepStrictEqual(parseVersion('nodus-lsp 0.1.0\n'), [0, 1, 0]);
    assert.deepStrictEqual(parseVersion('nodus-lsp 12.3.45-pre'), [12, 3, 45]);
    assert.strictEqual(parseVersion('Usage: nodus-lsp'), undefined);
  });

  it('too old, unparsable, fine', () => {
    assert.deepStrictEqual(checkVersion('nodus-lsp 0.1.0', '0.1.0'), { ok: true, version: '0.1.0' });
    assert.deepStrictEqual(checkVersion('nodus-lsp 1.0.0', '0.9.9'), { ok: true, version: '1.0.0' });
    const old = checkVersion('nodus-lsp 0.0.9', '0.1.0');
    assert.strictEqual(old.ok, false);
    assert.ok(!old.ok && old.reason === 'too-old' && old.detail.includes('0.0.9 is older than 0.1.0'));
    const junk = checkVersion('hello', '0.1.0');
    assert.ok(!junk.ok && junk.reason === 'unparsable');
  });
});
