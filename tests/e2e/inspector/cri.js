'use strict';
// The Chrome DevTools Protocol through the npm client chrome-remote-interface
// (pinned in package.json): one case per run.
//   node cri.js CASE RUNTIME FIXTURE_DIR
const L = require('./lib.js');
const { check, eq } = L;

// Connects, enables Runtime and Debugger and lets an --inspect-brk program
// start: resolves with the "Break on start" pause.
async function attachAndStart(t, app, opts = {}) {
  const p = await L.startInspected(t.runtime, '--inspect-brk', app, opts);
  const c = await L.cri(t.fixture, p.port);
  await c.call('Runtime.enable');
  await c.call('Debugger.enable');
  if (opts.before) await opts.before(c, p);
  await c.call('Runtime.runIfWaitingForDebugger');
  const paused = await c.next('Debugger.paused');
  eq(paused.reason, 'Break on start', 'the first pause reason');
  return { p, c, paused };
}

function scriptUrl(c, scriptId) {
  const s = c.events.find((e) => e.method === 'Debugger.scriptParsed' && e.params.scriptId === scriptId);
  return s ? s.params.url : undefined;
}

// The top frame as [function, app-relative url, line] (0-based line).
function top(c, paused) {
  const f = paused.callFrames[0];
  return [f.functionName, scriptUrl(c, f.location.scriptId), f.location.lineNumber];
}

// Resumes and waits for a clean exit with the expected stdout.
async function finish(c, p, stdout, code = 0) {
  await c.call('Debugger.resume');
  await p.stdout.wait(stdout);
  await c.close();
  const r = await p.waitExit();
  eq(r, { code, signal: null }, 'exit status');
}

const cases = {
  // --inspect-brk pauses on the first statement of the main module
  // (basic.js line 11, `const result = outer();`) with reason "Break on start".
  async 'break-on-start'(t) {
    const { p, c, paused } = await attachAndStart(t, 'basic.js');
    const [fn, url, line] = top(c, paused);
    eq(url, L.fileUrl(t.app('basic.js')), 'the paused script url');
    eq(line, 10, 'the paused line (0-based)');
    eq(fn, '', 'the paused function (module top level)');
    eq(p.stdout.text, '', 'stdout before resuming');
    await finish(c, p, /result outer-value5\n/);
  },

  // A breakpoint by file URL on a module not loaded yet resolves when it
  // loads (breakpointResolved), then hits; locals read with evaluateOnCallFrame.
  async 'breakpoint-by-url'(t) {
    const { p, c } = await attachAndStart(t, 'main_req.js');
    const url = L.fileUrl(t.app('helper.js'));
    check(!c.events.some((e) => e.method === 'Debugger.scriptParsed' && e.params.url === url), 'helper.js already parsed at start');
    const bp = await c.call('Debugger.setBreakpointByUrl', { url, lineNumber: 3 });
    eq(bp.locations, [], 'locations before the script loads');
    await c.call('Debugger.resume');
    const resolved = await c.next('Debugger.breakpointResolved');
    eq(resolved.breakpointId, bp.breakpointId, 'breakpointResolved id');
    eq(resolved.location.lineNumber, 3, 'resolved line');
    eq(scriptUrl(c, resolved.location.scriptId), url, 'resolved script url');
    const hit = await c.next('Debugger.paused');
    eq(hit.hitBreakpoints, [bp.breakpointId], 'hitBreakpoints');
    eq(top(c, hit), ['twice', url, 3], 'the paused frame');
    const v = await c.call('Debugger.evaluateOnCallFrame', { callFrameId: hit.callFrames[0].callFrameId, expression: 'doubled + n' });
    eq(v.result, { type: 'number', value: 63, description: '63' }, 'doubled + n');
    await finish(c, p, /helper says 42\n/);
  },

  // A `debugger;` statement pauses (reason "other") where it is.
  async 'debugger-statement'(t) {
    const { p, c } = await attachAndStart(t, 'debugger_stmt.js');
    await c.call('Debugger.resume');
    const paused = await c.next('Debugger.paused');
    eq(paused.reason, 'other', 'reason');
    eq(top(c, paused), ['', L.fileUrl(t.app('debugger_stmt.js')), 3], 'the paused frame');
    const v = await c.call('Debugger.evaluateOnCallFrame', { callFrameId: paused.callFrames[0].callFrameId, expression: 'x' });
    eq(v.result.value, 42, 'x');
    await finish(c, p, /x is 42\n/);
  },

  // stepInto enters add(), stepOver moves within it, stepOut returns to outer().
  async stepping(t) {
    const url = L.fileUrl(t.app('basic.js'));
    const { p, c } = await attachAndStart(t, 'basic.js');
    await c.call('Debugger.setBreakpointByUrl', { url, lineNumber: 7 });
    await c.call('Debugger.resume');
    eq(top(c, await c.next('Debugger.paused')), ['outer', url, 7], 'at the breakpoint');
    await c.call('Debugger.stepInto');
    eq(top(c, await c.next('Debugger.paused')), ['add', url, 2], 'after stepInto');
    await c.call('Debugger.stepOver');
    eq(top(c, await c.next('Debugger.paused')), ['add', url, 3], 'after stepOver');
    await c.call('Debugger.stepOut');
    // Back in outer() after the call: V8 stops either on the rest of the
    // call's statement or on the next one.
    const out = top(c, await c.next('Debugger.paused'));
    check(out[0] === 'outer' && out[1] === url && (out[2] === 7 || out[2] === 8), 'after stepOut: in outer() on line 8 or 9', out);
    await finish(c, p, /result outer-value5\n/);
  },

  // The scope chain of a paused frame: local scope properties and closures.
  async scopes(t) {
    const url = L.fileUrl(t.app('basic.js'));
    const { p, c } = await attachAndStart(t, 'basic.js');
    await c.call('Debugger.setBreakpointByUrl', { url, lineNumber: 3 });
    await c.call('Debugger.resume');
    const paused = await c.next('Debugger.paused');
    eq(top(c, paused), ['add', url, 3], 'the paused frame');
    const frame = paused.callFrames[0];
    eq(frame.scopeChain[0].type, 'local', 'innermost scope');
    check(frame.scopeChain.some((s) => s.type === 'global'), 'a global scope', frame.scopeChain.map((s) => s.type));
    const props = await c.call('Runtime.getProperties', { objectId: frame.scopeChain[0].object.objectId, ownProperties: true });
    const locals = Object.fromEntries(props.result.map((r) => [r.name, r.value && r.value.value]));
    eq(locals, { a: 2, b: 3, sum: 5 }, 'local scope');
    const caller = paused.callFrames[1];
    eq(caller.functionName, 'outer', 'the caller frame');
    const v = await c.call('Debugger.evaluateOnCallFrame', { callFrameId: caller.callFrameId, expression: 'local.toUpperCase()' });
    eq(v.result.value, 'OUTER-VALUE', "the caller's local");
    await finish(c, p, /result outer-value5\n/);
  },

  // setPauseOnExceptions all: a caught exception pauses with reason "exception".
  async 'pause-on-exceptions'(t) {
    const url = L.fileUrl(t.app('throw.js'));
    const { p, c } = await attachAndStart(t, 'throw.js');
    await c.call('Debugger.setPauseOnExceptions', { state: 'all' });
    await c.call('Debugger.resume');
    const paused = await c.next('Debugger.paused');
    eq(paused.reason, 'exception', 'reason');
    eq(top(c, paused), ['thrower', url, 2], 'the throwing frame');
    check(/boom-caught/.test(paused.data && paused.data.description), 'the exception in data', paused.data);
    await c.call('Debugger.setPauseOnExceptions', { state: 'none' });
    await finish(c, p, /caught boom-caught\n/);
  },

  // setPauseOnExceptions uncaught: an uncaught throw (in a timer) pauses with
  // reason "exception" and data.uncaught; after resuming, the process waits
  // for the client, then dies of it as usual (exit 1, the error on stderr).
  async 'pause-on-uncaught'(t) {
    const url = L.fileUrl(t.app('uncaught.js'));
    const { p, c } = await attachAndStart(t, 'uncaught.js');
    await c.call('Debugger.setPauseOnExceptions', { state: 'uncaught' });
    await c.call('Debugger.resume');
    const paused = await c.next('Debugger.paused');
    eq(paused.reason, 'exception', 'reason');
    eq(top(c, paused), ['explode', url, 2], 'the throwing frame');
    check(/boom-uncaught/.test(paused.data && paused.data.description), 'the exception in data', paused.data);
    eq(paused.data.uncaught, true, 'data.uncaught');
    await c.call('Debugger.resume');
    await p.stderr.wait(/Waiting for the debugger to disconnect\.\.\.\n/);
    await c.close();
    eq(await p.waitExit(), { code: 1, signal: null }, 'exit status');
    // As node: the wait for the client comes first, then the error report.
    const err = p.stderr.text;
    const wait = err.indexOf('Waiting for the debugger to disconnect...\n');
    const report = err.search(/\nError: boom-uncaught\n {4}at Timeout\.explode /);
    check(wait >= 0 && report > wait, '"Waiting for the debugger to disconnect..." then the error report', err);
  },

  // setAsyncCallStackDepth: a pause after `await` reports the awaiting caller
  // in asyncStackTrace.
  async 'async-stack'(t) {
    const url = L.fileUrl(t.app('async_stack.js'));
    const { p, c } = await attachAndStart(t, 'async_stack.js', {
      before: (cl) => cl.call('Debugger.setAsyncCallStackDepth', { maxDepth: 32 }),
    });
    await c.call('Debugger.resume');
    const paused = await c.next('Debugger.paused');
    eq(top(c, paused), ['leaf', url, 3], 'the paused frame');
    const names = [];
    for (let s = paused.asyncStackTrace; s; s = s.parent) for (const f of s.callFrames) names.push(f.functionName);
    check(names.includes('middle'), 'middle in the async stack', paused.asyncStackTrace);
    await finish(c, p, /async done 1\n/);
  },

  // Debugger.pause stops a program spinning in a loop (no --inspect-brk);
  // an evaluation on the paused frame ends the loop.
  async 'busy-loop-pause'(t) {
    const p = await L.startInspected(t.runtime, '--inspect', 'busy.js');
    await p.stdout.wait(/spinning\n/);
    const c = await L.cri(t.fixture, p.port);
    await c.call('Debugger.enable');
    await c.call('Debugger.pause');
    const paused = await c.next('Debugger.paused');
    eq(top(c, paused)[1], L.fileUrl(t.app('busy.js')), 'paused in the loop');
    const v = await c.call('Debugger.evaluateOnCallFrame', { callFrameId: paused.callFrames[0].callFrameId, expression: 'globalThis.stop = spins > 0' });
    eq(v.result.value, true, 'spins > 0');
    await finish(c, p, /stopped after some spins\n/);
  },

  // console.log and console.error reach Runtime.consoleAPICalled.
  async console(t) {
    const { p, c } = await attachAndStart(t, 'console_log.js');
    await c.call('Debugger.resume');
    const log = await c.next('Runtime.consoleAPICalled', (e) => e.type === 'log');
    eq(log.args.map((a) => [a.type, a.value]), [['string', 'hello from app'], ['number', 42]], 'console.log args');
    eq(log.stackTrace.callFrames[0].url, L.fileUrl(t.app('console_log.js')), 'console.log caller url');
    const err = await c.next('Runtime.consoleAPICalled', (e) => e.type === 'error');
    eq(err.args.map((a) => a.value), ['to stderr'], 'console.error args');
    await p.stdout.wait(/hello from app 42\n/);
    await c.close();
    eq(await p.waitExit(), { code: 0, signal: null }, 'exit status');
  },

  // Runtime.enable reports the main context with auxData.isDefault.
  async 'execution-context'(t) {
    const { p, c } = await attachAndStart(t, 'basic.js');
    const ctx = await (c.mark = 0, c.next('Runtime.executionContextCreated'));
    eq(ctx.context.auxData && ctx.context.auxData.isDefault, true, 'auxData.isDefault');
    const v = await c.call('Runtime.evaluate', { expression: 'typeof require + typeof process', contextId: ctx.context.id });
    eq(v.result.value, 'undefinedobject', 'globals in the default context');
    await finish(c, p, /result outer-value5\n/);
  },

  // Profiler.start / stop: a CPU profile in which fib() appears.
  async 'cpu-profile'(t) {
    const { p, c } = await attachAndStart(t, 'work.js');
    await c.call('Profiler.enable');
    await c.call('Profiler.start');
    await c.call('Debugger.resume');
    await c.next('Debugger.paused');
    const { profile } = await c.call('Profiler.stop');
    check(profile.nodes.length > 1 && profile.endTime > profile.startTime, 'a non-empty profile', { nodes: profile.nodes.length });
    check(profile.nodes.some((n) => n.callFrame.functionName === 'fib' && n.callFrame.url === L.fileUrl(t.app('work.js'))), 'fib in the profile');
    check(Array.isArray(profile.samples) && profile.samples.length > 0, 'samples');
    await finish(c, p, /worked true\n/);
  },

  // HeapProfiler.takeHeapSnapshot: the chunks reassemble into JSON holding
  // the app's marker string.
  async 'heap-snapshot'(t) {
    const { p, c } = await attachAndStart(t, 'work.js');
    await c.call('Debugger.resume');
    await c.next('Debugger.paused');
    await c.call('HeapProfiler.enable');
    let json = '';
    c.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => (json += chunk));
    await c.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false }, 20000);
    const snap = JSON.parse(json);
    check(snap.snapshot && snap.snapshot.meta && Array.isArray(snap.snapshot.meta.node_fields), 'snapshot.meta');
    check(snap.nodes.length > 1000 && snap.strings.length > 100, 'nodes and strings', { nodes: snap.nodes.length, strings: snap.strings.length });
    check(snap.strings.includes('heap-marker-nodus-e2e'), 'the marker string in the snapshot');
    await finish(c, p, /worked true\n/);
  },

  // Two clients on one target at once: both evaluate, both see the pause.
  async 'two-sessions'(t) {
    const { p, c } = await attachAndStart(t, 'debugger_stmt.js');
    const c2 = await L.cri(t.fixture, p.port);
    await c2.call('Debugger.enable');
    const a = await c.call('Runtime.evaluate', { expression: '1 + 1' });
    const b = await c2.call('Runtime.evaluate', { expression: '2 + 2' });
    eq([a.result.value, b.result.value], [2, 4], 'evaluations in both sessions');
    c.markNow();
    c2.markNow();
    await c.call('Debugger.resume');
    const [p1, p2] = await Promise.all([c.next('Debugger.paused'), c2.next('Debugger.paused')]);
    eq([p1.callFrames[0].location.lineNumber, p2.callFrames[0].location.lineNumber], [3, 3], 'both sessions paused at debugger;');
    await c2.close();
    await finish(c, p, /x is 42\n/);
  },

  // An unknown method answers -32601 "'Foo.bar' wasn't found".
  async 'unknown-method'(t) {
    const { p, c } = await attachAndStart(t, 'basic.js');
    let err;
    await c.send('Foo.bar').catch((e) => (err = e));
    check(err, 'Foo.bar succeeded');
    eq(err.response, { code: -32601, message: "'Foo.bar' wasn't found" }, 'the error');
    await finish(c, p, /result outer-value5\n/);
  },

  // --inspect-wait: nothing runs until Runtime.runIfWaitingForDebugger, then
  // the program runs without pausing.
  async 'inspect-wait'(t) {
    const p = await L.startInspected(t.runtime, '--inspect-wait', 'basic.js');
    const c = await L.cri(t.fixture, p.port);
    await c.call('Runtime.enable');
    await c.call('Debugger.enable');
    await L.sleep(300);
    eq(p.stdout.text, '', 'stdout before runIfWaitingForDebugger');
    await c.call('Runtime.runIfWaitingForDebugger');
    await p.stdout.wait(/result outer-value5\n/);
    check(!c.events.some((e) => e.method === 'Debugger.paused'), 'no pause under --inspect-wait');
    await c.close();
    eq(await p.waitExit(), { code: 0, signal: null }, 'exit status');
  },

  // User scripts are file:// URLs, builtins a node: scheme.
  async 'script-urls'(t) {
    const { p, c } = await attachAndStart(t, 'main_req.js');
    await c.call('Debugger.resume');
    await p.stdout.wait(/helper says 42\n/);
    await c.next('Debugger.scriptParsed', (e) => e.url === L.fileUrl(t.app('helper.js')));
    const urls = c.events.filter((e) => e.method === 'Debugger.scriptParsed').map((e) => e.params.url).filter((u) => u);
    for (const app of ['main_req.js', 'helper.js']) check(urls.includes(L.fileUrl(t.app(app))), `${app} parsed with a file:// url`, urls);
    const odd = urls.filter((u) => !/^(file:\/\/\/|node:)/.test(u));
    eq(odd, [], 'urls neither file:/// nor node:');
    await c.close();
    eq(await p.waitExit(), { code: 0, signal: null }, 'exit status');
  },

  // NodeRuntime: waitingForDebugger under --inspect-brk and --inspect-wait;
  // waitingForDisconnect at exit; the program's exit code survives.
  async 'node-runtime'(t) {
    for (const flag of ['--inspect-brk', '--inspect-wait']) {
      const p = await L.startInspected(t.runtime, flag, 'exit_code.js');
      const c = await L.cri(t.fixture, p.port);
      await c.call('NodeRuntime.enable');
      await c.next('NodeRuntime.waitingForDebugger');
      await c.call('NodeRuntime.notifyWhenWaitingForDisconnect', { enabled: true });
      await c.call('Runtime.enable');
      await c.call('Debugger.enable');
      await c.call('Runtime.runIfWaitingForDebugger');
      if (flag === '--inspect-brk') {
        await c.next('Debugger.paused');
        await c.call('Debugger.resume');
      }
      await c.next('NodeRuntime.waitingForDisconnect');
      await p.stdout.wait(/exiting with 3\n/);
      await p.stderr.wait(/Waiting for the debugger to disconnect\.\.\.\n/);
      check(p.child.exitCode === null, `${flag}: exited before the client disconnected`);
      await c.close();
      eq(await p.waitExit(), { code: 3, signal: null }, `${flag}: exit status`);
    }
  },
};

L.run(cases);
