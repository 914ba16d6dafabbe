// The attach configuration handed to VS Code's built-in JavaScript debugger
// (js-debug) once nodus's inspector is listening. No vscode import.

/** Options of a nodus configuration that js-debug understands as they are. */
const PASS_THROUGH = [
  'skipFiles',
  'sourceMaps',
  'outFiles',
  'resolveSourceMapLocations',
  'smartStep',
  'showAsyncStacks',
  'localRoot',
  'remoteRoot',
  'trace',
  'timeout',
] as const;

export interface AttachInput {
  name: string;
  websocketAddress: string;
  /** For a launch: false resumes the program js-debug finds paused by --inspect-brk. */
  stopOnEntry?: boolean;
  /** True for a launch (the program waits in --inspect-brk). */
  launched: boolean;
  cwd?: string;
  /** Tag to find the session again when it ends. */
  tag: string;
  /** The user's nodus configuration, for the pass-through options. */
  from: Record<string, unknown>;
}

export const TAG_KEY = '__nodusSession';

export function jsDebugAttachConfig(input: AttachInput): Record<string, unknown> {
  const cfg: Record<string, unknown> = {
    type: 'node',
    request: 'attach',
    name: input.name,
    websocketAddress: input.websocketAddress,
    skipFiles: ['<node_internals>/**'],
    [TAG_KEY]: input.tag,
  };
  for (const key of PASS_THROUGH) {
    if (input.from[key] !== undefined) {
      cfg[key] = input.from[key];
    }
  }
  if (input.cwd) {
    cfg.cwd = input.cwd;
  }
  if (input.launched) {
    cfg.continueOnAttach = !input.stopOnEntry;
  }
  return cfg;
}
