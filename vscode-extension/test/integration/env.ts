// The binaries under test come from CTest ($<TARGET_FILE:nodus>,
// $<TARGET_FILE:nodus-lsp>); run by hand, set NODUS and NODUS_LSP.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function binary(name: 'NODUS' | 'NODUS_LSP'): string {
  const file = process.env[name];
  if (!file) {
    throw new Error(`set ${name} to the executable under test (CTest does)`);
  }
  if (!fs.existsSync(file)) {
    throw new Error(`${name}=${file} does not exist`);
  }
  return file;
}

/** A temporary directory with these files; removed by the returned function. */
export function workspace(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-vscode-')));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
