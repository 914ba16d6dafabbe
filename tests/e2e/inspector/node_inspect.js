'use strict';
// `node inspect HOST:PORT` (Node's command-line debugger) against a runtime
// started with --inspect-brk, fed commands on stdin one at a time; each
// command's expected output is waited for (bounded) before the next.
//   node node_inspect.js CASE RUNTIME [FIXTURE_DIR]
const L = require('./lib.js');
const { eq } = L;

const cases = {
  // Break on start, a breakpoint set with sb(), cont, exec, bt, watch + next,
  // cont to the end, .exit.
  async cli(t) {
    const p = await L.startInspected(t.runtime, '--inspect-brk', 'basic.js');
    // The client is the node running this driver; from the apps directory it
    // prints script paths as `basic.js`.
    const cli = L.start(process.execPath, ['inspect', `127.0.0.1:${p.port}`], { env: { NODE_INSPECT_RESUME_ON_START: '' } });
    const out = cli.stdout;
    let from = 0;
    const expect = async (re) => {
      const m = await out.wait(re, L.WAIT_MS, from);
      from += out.text.slice(from).search(re) + m[0].length;
    };
    const send = async (command, re) => {
      cli.child.stdin.write(command + '\n');
      await expect(re);
    };
    await expect(/Break on start in basic\.js:11\n[^]*>11 const result = outer\(\);\n/);
    await send('sb(3)', /> ?3 +const sum = a \+ b;\n/);
    await send('cont', /break in basic\.js:3\n[^]*> ?3 +const sum = a \+ b;\n/);
    await send('exec a + b', /debug> 5\n/);
    await send('bt', /#0 add basic\.js:3:\d+\n#1 outer basic\.js:8:\d+\n#2 \(anonymous\) basic\.js:11:\d+\n/);
    await send("watch('sum')", /debug> /);
    await send('n', /break in basic\.js:4\nWatchers:\n {2}0: sum = 5\n/);
    await send('cont', /debug> /);
    await p.stdout.wait(/result outer-value5\n/);
    await p.stderr.wait(/Waiting for the debugger to disconnect\.\.\.\n/);
    cli.child.stdin.write('.exit\n');
    eq(await cli.waitExit(), { code: 0, signal: null }, 'node inspect exit status');
    eq(await p.waitExit(), { code: 0, signal: null }, 'the program exit status');
    eq(p.stdout.text, 'result outer-value5\n', 'the program stdout');
  },
};

L.run(cases);
