import * as assert from 'assert';
import { BannerScanner, parseBanner } from '../../src/banner';

describe('parseBanner', () => {
  it("reads nodus's (and node's) line", () => {
    assert.deepStrictEqual(parseBanner('Debugger listening on ws://127.0.0.1:39759/1db97609-bb27-4c84-b5e3-34c23fe52f93'), {
      url: 'ws://127.0.0.1:39759/1db97609-bb27-4c84-b5e3-34c23fe52f93',
      host: '127.0.0.1',
      port: 39759,
    });
  });

  it('IPv6, a host name, CRLF', () => {
    assert.deepStrictEqual(parseBanner('Debugger listening on ws://[::1]:9229/abc\r'), { url: 'ws://[::1]:9229/abc', host: '::1', port: 9229 });
    assert.strictEqual(parseBanner('Debugger listening on ws://localhost:9230/u')?.port, 9230);
  });

  it('rejects other lines and bad ports', () => {
    for (const line of [
      'For help, see: https://nodejs.org/en/docs/inspector',
      'Debugger attached.',
      'Debugger listening on ws://127.0.0.1:0/x',
      'Debugger listening on ws://127.0.0.1:99999/x',
      'Debugger listening on ws://127.0.0.1:9229',
      'xDebugger listening on ws://127.0.0.1:9229/u',
      'Starting inspector on 127.0.0.1:9229 failed: address already in use',
    ]) {
      assert.strictEqual(parseBanner(line), undefined, line);
    }
  });
});

describe('BannerScanner', () => {
  it('finds the banner split across chunks and keeps what came before', () => {
    const s = new BannerScanner();
    assert.strictEqual(s.push('(node:1) Warning: x\nDebugger list'), undefined);
    assert.strictEqual(s.push('ening on ws://127.0.0.1:4000/u'), undefined);
    assert.strictEqual(s.push('uid\nFor help')?.url, 'ws://127.0.0.1:4000/uuid');
    assert.strictEqual(s.push(': later\n')?.port, 4000, 'stays found');
    assert.deepStrictEqual(s.linesBefore, ['(node:1) Warning: x']);
  });

  it('reports the text before when no banner comes', () => {
    const s = new BannerScanner();
    s.push('nodus: bad option: --foo\n');
    s.push('partial');
    assert.strictEqual(s.textBefore(), 'nodus: bad option: --foo\npartial');
  });
});
