// How nodus-lsp is started and which documents it gets. Only type imports
// from vscode-languageclient, so the integration test can run these options
// against the real server without VS Code.
import type { Executable } from 'vscode-languageclient/node';

/** `nodus-lsp --stdio`, with the extension host's environment. */
export function serverExecutable(lspPath: string, env: NodeJS.ProcessEnv = process.env): Executable {
  return {
    command: lspPath,
    args: ['--stdio'],
    options: { env: { ...env } },
  };
}

/**
 * CommonJS JavaScript: .js and .cjs files on disk and untitled JavaScript
 * buffers (not .mjs: nodus loads CommonJS only).
 */
export const documentSelector = [
  { scheme: 'file', language: 'javascript', pattern: '**/*.{js,cjs}' },
  { scheme: 'untitled', language: 'javascript' },
];

export const clientId = 'nodus.lsp';
export const clientName = 'nodus Language Server';
