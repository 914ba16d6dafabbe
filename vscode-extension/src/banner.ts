// The inspector's stderr banner, byte-identical in nodus and node:
//   Debugger listening on ws://127.0.0.1:9229/0f2c936f-b1cd-4ac9-aab3-f63b0f33d55e
// No vscode import here: the unit tests load this module directly.

export interface InspectorEndpoint {
  /** The full WebSocket URL, as printed. */
  url: string;
  /** Host as printed (IPv6 without brackets). */
  host: string;
  port: number;
}

const BANNER = /^Debugger listening on (ws:\/\/(\[[0-9A-Fa-f:.]+\]|[^\s:/[\]]+):(\d{1,5})\/\S+)\s*$/;

/** Parses one stderr line; undefined unless it is the banner. */
export function parseBanner(line: string): InspectorEndpoint | undefined {
  const m = BANNER.exec(line.replace(/\r$/, ''));
  if (!m) {
    return undefined;
  }
  const port = Number(m[3]);
  if (port < 1 || port > 65535) {
    return undefined;
  }
  const host = m[2].startsWith('[') ? m[2].slice(1, -1) : m[2];
  return { url: m[1], host, port };
}

/**
 * Splits a stream of stderr chunks into lines and reports the first banner.
 * Lines seen before the banner are kept (a bad option or a missing script
 * prints its error there) so a failure can show them.
 */
export class BannerScanner {
  private pending = '';
  private found: InspectorEndpoint | undefined;
  readonly linesBefore: string[] = [];

  /** Feeds a chunk; returns the endpoint once the banner line is complete. */
  push(chunk: string): InspectorEndpoint | undefined {
    if (this.found) {
      return this.found;
    }
    this.pending += chunk;
    let nl: number;
    while ((nl = this.pending.indexOf('\n')) >= 0) {
      const line = this.pending.slice(0, nl);
      this.pending = this.pending.slice(nl + 1);
      const endpoint = parseBanner(line);
      if (endpoint) {
        this.found = endpoint;
        return endpoint;
      }
      this.linesBefore.push(line.replace(/\r$/, ''));
    }
    return undefined;
  }

  /** What was printed before the banner (including an unterminated last line). */
  textBefore(): string {
    const lines = [...this.linesBefore];
    if (this.pending) {
      lines.push(this.pending);
    }
    return lines.join('\n');
  }
}
