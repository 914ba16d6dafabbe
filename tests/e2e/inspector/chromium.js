'use strict';
// Headless Chromium opens its bundled DevTools frontend (served by its own
// remote-debugging HTTP server at /devtools/js_app.html?ws=HOST:PORT/ID)
// against a runtime started with --inspect-brk. Through Chromium's own CDP
// (chrome-remote-interface on the page target) the test reads the frontend's
// DOM, shadow roots included, until the Sources panel shows the paused
// script: its name, its source text and the paused-state banner. That can
// only appear if the frontend attached, enabled the Debugger, let the program
// start (runIfWaitingForDebugger), received the Break on start pause and
// fetched the script's source (Debugger.getScriptSource).
//   node chromium.js CASE RUNTIME FIXTURE_DIR        (CHROMIUM=/path overrides)
const fs = require('fs');
const path = require('path');
const L = require('./lib.js');
const { check, eq } = L;

function findChromium() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const dir of (process.env.PATH || '').split(':')) {
    for (const name of ['chromium', 'chromium-browser']) {
      const p = path.join(dir, name);
      if (fs.existsSync(p)) return p;
    }
  }
  return L.fail('chromium not found (scripts/setup.sh installs Debian\'s chromium; CHROMIUM=/path overrides)');
}

// All text in the document, descending into shadow roots.
const DEEP_TEXT = `(() => {
  const out = [];
  const walk = (n) => {
    if (n.nodeName === 'STYLE' || n.nodeName === 'SCRIPT') return;
    // The source editor's lines (CodeMirror splits them into tokens).
    if (n.classList && n.classList.contains('cm-line')) return void out.push(n.textContent);
    if (n.nodeType === Node.TEXT_NODE && n.data.trim()) out.push(n.data.trim());
    if (n.shadowRoot) walk(n.shadowRoot);
    for (const c of n.childNodes || []) walk(c);
  };
  walk(document.documentElement);
  return out.join('\\n');
})()`;

const cases = {
  async 'devtools-frontend'(t) {
    const chromium = findChromium();
    const p = await L.startInspected(t.runtime, '--inspect-brk', 'basic.js');
    const profile = L.tmpdir();
    const browser = L.start(
      chromium,
      ['--headless=new', '--no-sandbox', `--user-data-dir=${profile}`, '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0',
       '--no-first-run', '--disable-gpu', '--disable-extensions', '--disable-background-networking', 'about:blank'],
      { group: true, cwd: profile },
    );
    // Chromium writes its port into DevToolsActivePort.
    const portFile = path.join(profile, 'DevToolsActivePort');
    let chromePort = 0;
    for (let i = 0; i < 150 && !chromePort; i++) {
      if (browser.child.exitCode !== null) L.fail(`chromium exited: ${browser.stderr.text}`);
      try {
        chromePort = Number(fs.readFileSync(portFile, 'utf8').split('\n')[0]);
      } catch {}
      if (!chromePort) await L.sleep(100);
    }
    check(chromePort > 0, `no ${portFile} after 15 s`, browser.stderr.text);
    const CDP = L.fixtureRequire(t.fixture, 'chrome-remote-interface');
    const targets = await L.within(CDP.List({ host: '127.0.0.1', port: chromePort }), L.WAIT_MS, 'chromium /json/list');
    const page = targets.find((x) => x.type === 'page');
    check(page, 'a page target in chromium', targets);
    const c = await L.cri(t.fixture, chromePort, { target: page.id });
    await c.call('Page.enable');
    await c.call('Runtime.enable');
    const frontend = `http://127.0.0.1:${chromePort}/devtools/js_app.html?ws=127.0.0.1:${p.port}/${p.id}`;
    await c.call('Page.navigate', { url: frontend });
    await p.stderr.wait(/Debugger attached\.\n/);
    let text = '';
    const deadline = Date.now() + 15000;
    const want = [/\bbasic\.js:11\b/, /const result = outer\(\);/, /Paused on breakpoint|Debugger paused/];
    while (Date.now() < deadline) {
      const r = await c.call('Runtime.evaluate', { expression: DEEP_TEXT, returnByValue: true });
      text = (r.result && r.result.value) || '';
      if (want.every((re) => re.test(text))) break;
      await L.sleep(250);
    }
    for (const re of want) check(re.test(text), `the DevTools frontend shows ${re}`, text.slice(0, 4000));
    eq(p.stdout.text, '', 'the program is still paused on start');
    await c.close();
  },
};

L.run(cases);
