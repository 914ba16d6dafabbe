'use strict';
// The methods of `process` that wrap native calls: hrtime, memoryUsage,
// cpuUsage, resourceUsage, exit, kill, cwd/chdir, umask, ids.

const binding = internalBinding('process_methods');

function lazyErrors() {
  return require('internal/errors').codes;
}
function lazyValidators() {
  return require('internal/validators');
}

const hrtimeBuffer = new Uint32Array(3);

function hrtime(previous) {
  binding.hrtime(hrtimeBuffer);
  const seconds = hrtimeBuffer[0] * 0x100000000 + hrtimeBuffer[1];
  const nanos = hrtimeBuffer[2];
  if (previous !== undefined) {
    if (!Array.isArray(previous)) {
      throw new (lazyErrors().ERR_INVALID_ARG_TYPE)('time', 'Array', previous);
    }
    if (previous.length !== 2) {
      throw new (lazyErrors().ERR_OUT_OF_RANGE)('time', 2, previous.length);
    }
    let secDiff = seconds - previous[0];
    let nsDiff = nanos - previous[1];
    if (nsDiff < 0) {
      secDiff -= 1;
      nsDiff += 1e9;
    }
    return [secDiff, nsDiff];
  }
  return [seconds, nanos];
}
hrtime.bigint = binding.hrtimeBigInt;

const memoryBuffer = new Float64Array(5);
function memoryUsage() {
  binding.memoryUsage(memoryBuffer);
  return {
    rss: memoryBuffer[0],
    heapTotal: memoryBuffer[1],
    heapUsed: memoryBuffer[2],
    external: memoryBuffer[3],
    arrayBuffers: memoryBuffer[4],
  };
}
memoryUsage.rss = binding.rss;

const cpuBuffer = new Float64Array(2);
function cpuUsage(previous) {
  binding.cpuUsage(cpuBuffer);
  const user = cpuBuffer[0];
  const system = cpuBuffer[1];
  if (previous !== undefined) {
    lazyValidators().validateObject(previous, 'prevValue');
    return { user: user - previous.user, system: system - previous.system };
  }
  return { user, system };
}

const resourceBuffer = new Float64Array(16);
function resourceUsage() {
  binding.resourceUsage(resourceBuffer);
  const b = resourceBuffer;
  return {
    userCPUTime: b[0], systemCPUTime: b[1], maxRSS: b[2], sharedMemorySize: b[3],
    unsharedDataSize: b[4], unsharedStackSize: b[5], minorPageFault: b[6],
    majorPageFault: b[7], swappedOut: b[8], fsRead: b[9], fsWrite: b[10],
    ipcSent: b[11], ipcReceived: b[12], signalsCount: b[13],
    voluntaryContextSwitches: b[14], involuntaryContextSwitches: b[15],
  };
}

function exit(code) {
  if (code !== undefined) process.exitCode = code;
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', process.exitCode || 0);
  }
  binding.reallyExit(process.exitCode || 0);
}

function kill(pid, sig) {
  if (pid != (pid | 0)) { // eslint-disable-line eqeqeq
    throw new (lazyErrors().ERR_INVALID_ARG_TYPE)('pid', 'number', pid);
  }
  let signal;
  if (sig === undefined) {
    signal = binding.signals.SIGTERM;
  } else if (typeof sig === 'number') {
    signal = sig;
  } else if (typeof sig === 'string' && binding.signals[sig] !== undefined) {
    signal = binding.signals[sig];
  } else {
    throw new (lazyErrors().ERR_UNKNOWN_SIGNAL)(sig);
  }
  const err = binding.kill(pid, signal);
  if (err) {
    const { UVException } = require('internal/errors');
    throw new UVException({ errno: err, syscall: 'kill' });
  }
  return true;
}

function umask(mask) {
  if (mask === undefined) return binding.umask();
  if (typeof mask === 'string') {
    if (!/^[0-7]+$/.test(mask)) {
      throw new (lazyErrors().ERR_INVALID_ARG_VALUE)('mask', mask,
        'must be a 32-bit unsigned integer or an octal string');
    }
    mask = parseInt(mask, 8);
  } else {
    lazyValidators().validateUint32(mask, 'mask');
  }
  return binding.umask(mask);
}

function chdir(directory) {
  lazyValidators().validateString(directory, 'directory');
  binding.chdir(directory);
}

function notImplemented(what) {
  return require('internal/errors').notImplemented(what);
}

// KEY=value lines as process.loadEnvFile reads them: comments, `export `,
// single/double/back quotes (double quotes expand \n).
function parseEnv(text) {
  const result = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([\w.-]+)\s*=\s*(.*)$/.exec(line);
    if (match === null) continue;
    let value = match[2];
    const quote = value[0];
    if ((quote === '"' || quote === "'" || quote === '`') && value.indexOf(quote, 1) > 0) {
      value = value.slice(1, value.indexOf(quote, 1));
      if (quote === '"') value = value.replace(/\\n/g, '\n');
    } else {
      const hash = value.indexOf(' #');
      if (hash !== -1) value = value.slice(0, hash);
      value = value.trim();
    }
    result[match[1]] = value;
  }
  return result;
}

let exitCode;
// When the process started (process.uptime()): set by install, which runs in
// every process (this module may be evaluated at build time, in the snapshot).
let startTime = 0;
function install(process) {
  startTime = binding.now();
  const methods = {
    hrtime, memoryUsage, cpuUsage, resourceUsage, exit, kill, umask, chdir,
    cwd: binding.cwd,
    uptime() {
      return (binding.now() - startTime) / 1000;
    },
    reallyExit: binding.reallyExit,
    getuid: () => binding.getIds()[2],
    geteuid: () => binding.getIds()[3],
    getgid: () => binding.getIds()[4],
    getegid: () => binding.getIds()[5],
    getgroups: binding.getGroups,
    abort() {
      binding.kill(binding.getIds()[0], binding.signals.SIGABRT);
    },
    binding(name) {
      throw new (lazyErrors().ERR_NOT_IMPLEMENTED || Error)(`process.binding('${name}')`);
    },
    constrainedMemory: () => undefined,
    setUncaughtExceptionCaptureCallback(fn) {
      require('internal/process/execution').setCaptureCallback(fn);
    },
    hasUncaughtExceptionCaptureCallback() {
      return require('internal/process/execution').hasCaptureCallback();
    },
    // Node's handle/request introspection (why-is-node-running and friends
    // read these); nodus does not track libuv handles in JavaScript yet.
    _getActiveHandles() { return []; },
    _getActiveRequests() { return []; },
    getActiveResourcesInfo() { return []; },
    _kill(pid, sig) { return binding.kill(pid, sig); },
    _tickCallback() { require('internal/process/task_queues').processTicksAndRejections(); },
    _fatalException() {
      throw notImplemented('process._fatalException');
    },
    getBuiltinModule(id) {
      require('internal/validators').validateString(id, 'id');
      const { Module } = require('internal/modules/cjs/loader');
      if (!Module.isBuiltin(id)) return undefined;
      return Module._load(id, null, false);
    },
    dlopen(module, filename) {
      throw notImplemented(`process.dlopen (native addon ${filename})`);
    },
    availableMemory() {
      return require('os').freemem();
    },
    loadEnvFile(path = '.env') {
      const text = require('fs').readFileSync(path, 'utf8');
      for (const [key, value] of Object.entries(parseEnv(text))) {
        if (process.env[key] === undefined) process.env[key] = value;
      }
    },
    setSourceMapsEnabled(enabled) {
      require('internal/validators').validateBoolean(enabled, 'enabled');
      if (enabled) throw notImplemented('source maps');
    },
    openStdin() {
      process.stdin.resume();
      return process.stdin;
    },
    assert(value, message) {
      if (!value) require('assert').fail(message || 'assertion error');
    },
    _linkedBinding(name) {
      throw notImplemented(`process._linkedBinding('${name}')`);
    },
    _debugProcess() { throw notImplemented('process._debugProcess (the inspector)'); },
    _debugEnd() { throw notImplemented('process._debugEnd (the inspector)'); },
    _startProfilerIdleNotifier() {},
    _stopProfilerIdleNotifier() {},
    initgroups() { throw notImplemented('process.initgroups'); },
    setgroups() { throw notImplemented('process.setgroups'); },
    setegid() { throw notImplemented('process.setegid'); },
    seteuid() { throw notImplemented('process.seteuid'); },
    setgid() { throw notImplemented('process.setgid'); },
    setuid() { throw notImplemented('process.setuid'); },
    _rawDebug(...args) {
      internalBinding('stdio').writeString(2,
        require('internal/util/inspect').format(...args) + '\n');
    },
  };
  for (const name of Object.keys(methods)) {
    Object.defineProperty(process, name, {
      __proto__: null, value: methods[name], writable: true, enumerable: true, configurable: true,
    });
  }
  // Diagnostic reports are not built; the object exists, its actions name that.
  Object.defineProperty(process, 'report', {
    __proto__: null, enumerable: true, configurable: true, writable: true,
    value: {
      writeReport() { throw notImplemented('process.report.writeReport'); },
      getReport() { throw notImplemented('process.report.getReport'); },
      directory: '', filename: '', compact: false, signal: 'SIGUSR2',
      reportOnFatalError: false, reportOnSignal: false, reportOnUncaughtException: false,
      excludeNetwork: false,
    },
  });
  Object.defineProperty(process, 'sourceMapsEnabled', {
    __proto__: null, enumerable: true, configurable: true, get() { return false; },
  });
  Object.defineProperty(process, '_preload_modules', {
    __proto__: null, enumerable: true, configurable: true, writable: true,
    value: internalBinding('options').requires.slice(),
  });
  // The options node accepts in NODE_OPTIONS that nodus accepts too.
  Object.defineProperty(process, 'allowedNodeEnvironmentFlags', {
    __proto__: null, enumerable: true, configurable: true,
    get() {
      const flags = new Set(['--require', '-r', '--no-warnings', '--no-deprecation',
        '--throw-deprecation', '--trace-warnings', '--trace-deprecation', '--trace-uncaught',
        '--unhandled-rejections', '--preserve-symlinks', '--preserve-symlinks-main', '--title',
        '--stack-trace-limit', '--max-old-space-size', '--expose-gc']);
      Object.defineProperty(process, 'allowedNodeEnvironmentFlags', {
        __proto__: null, value: flags, enumerable: true, configurable: true, writable: true,
      });
      return flags;
    },
  });
  // process.exitCode: Node 20 validates it as an integer (or undefined/null).
  Object.defineProperty(process, 'exitCode', {
    __proto__: null,
    enumerable: true,
    configurable: false,
    get() { return exitCode; },
    set(code) {
      if (code !== null && code !== undefined) {
        let value = code;
        if (typeof code === 'string' && code !== '' && Number.isInteger(+code)) value = +code;
        lazyValidators().validateInteger(value, 'code');
      }
      exitCode = code;
    },
  });
}

module.exports = { install, hrtime };
