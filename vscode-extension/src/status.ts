// A status bar item with the version of the nodus in use.
import * as vscode from 'vscode';
import { findNodus, MIN_NODUS_VERSION, probeVersion } from './binaries';
import { NodusSettings } from './config';

export class NodusStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private generation = 0;
  /** The nodus found by the last refresh, and its version, for "nodus: Show Version". */
  current: { file?: string; version?: string; problem?: string } = {};

  constructor(private readonly settings: () => NodusSettings) {
    this.item = vscode.window.createStatusBarItem('nodus.version', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'nodus version';
    this.item.command = 'nodus.showVersion';
  }

  async refresh(): Promise<void> {
    const gen = ++this.generation;
    const s = this.settings();
    if (!s.statusBar) {
      this.item.hide();
      return;
    }
    const lookup = findNodus(s, process.env);
    if (!lookup.file) {
      this.current = { problem: 'nodus not found' };
      this.item.text = '$(warning) nodus';
      this.item.tooltip = 'nodus was not found: set "nodus.path" or put nodus on PATH';
      this.item.show();
      return;
    }
    const check = await probeVersion(lookup.file, MIN_NODUS_VERSION);
    if (gen !== this.generation) {
      return;
    }
    if (check.ok) {
      this.current = { file: lookup.file, version: check.version };
      this.item.text = `nodus v${check.version}`;
      this.item.tooltip = `${lookup.file} (from ${lookup.source})`;
    } else {
      this.current = { file: lookup.file, version: check.version, problem: check.detail };
      this.item.text = `$(warning) nodus${check.version ? ` v${check.version}` : ''}`;
      this.item.tooltip = `${lookup.file}: ${check.detail}`;
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
