import os from 'node:os';
import path from 'node:path';
import { DiagnosticsReportMissingError } from '../../src-shared/diagnostics/errors';
import type { DiagnosticsReport } from '../../src-shared/contract/diagnosticsContract';
import type { TokensView } from '../../src-shared/tokens/tokenSchemas';
import type { SettingsView } from '../../src-shared/settings/settingsSchema';
import { writeFileAtomic } from '../fs/writeFileAtomic';
import type { HostInfo } from '../host/HostInfo';
import type { MachinePolicy } from '../policy/MachinePolicy';
import { describePolicy, describeValue } from './describePolicy';
import { describeTokens } from './describeTokens';
import type { ProbeResult } from './probeUrl';

export interface DiagnosticsServiceOptions {
  host: Pick<HostInfo, 'kind' | 'name' | 'version' | 'platform' | 'versions'>;
  policy: MachinePolicy;
  settings: { view(): SettingsView };
  tokens: { list(): Promise<TokensView> };
  /** Where the authority is (in demo mode: the sandbox, started if need be); null when it cannot be resolved. */
  authorityUrl: () => Promise<{ apiUrl: string | null; demo: boolean }>;
  /** The timestamp authority the signatures use, for a given authority address. */
  tsaUrl: (apiUrl: string | null) => string | null;
  probe: (url: string) => Promise<ProbeResult>;
  /** The last lines of the log files (none where the host writes none). */
  recentLogLines: () => Promise<string[]>;
  /** Values the report must never hold, wherever they come from (the vault owner's name and SSN, the signed-in person). */
  personalValues: () => string[];
  os?: () => string;
  now?: () => Date;
}

/** The settings shown besides the policy: how the app reaches the network and what it logs. */
const SHOWN_SETTINGS = ['authorityUrl', 'tsaUrl', 'proxyMode', 'proxyUrl', 'logLevel', 'updatesEnabled', 'updateChannel', 'demoModeAllowed', 'pkcs12Allowed', 'language'];

/**
 * "Export diagnostics": one plain-text report for the help desk, made in main from what main knows, with no personal
 * data: the person's name and national numbers, certificate subjects and serial numbers, PINs and passphrases stay
 * out (the certificates by issuer only; the owner's values scrubbed from the whole text as a last pass). The last
 * report made is kept, so that "Save…" writes what was shown and the renderer never sends text or a path.
 */
export class DiagnosticsService {
  private last: string | null = null;

  constructor(private readonly options: DiagnosticsServiceOptions) {}

  async create(): Promise<DiagnosticsReport> {
    const { options } = this;
    const createdAt = (options.now?.() ?? new Date()).toISOString();
    const [tokens, network, logLines] = await Promise.all([this.tokensSection(), this.networkSection(), options.recentLogLines().catch((error: Error) => [`(log files unreadable: ${error.name})`])]);
    const sections: [string, string[]][] = [
      ['Application', this.applicationSection()],
      ['Policy in effect', describePolicy(options.policy)],
      ['Settings in effect', this.settingsSection()],
      ['PKCS#11 modules', tokens.modules],
      ['Readers and tokens', tokens.readers],
      ['Network', network],
      [`Recent log lines (${logLines.length})`, logLines.length > 0 ? logLines : ['(none)']],
    ];
    const text = scrub(
      [`${options.host.name} diagnostics report`, `Created: ${createdAt}`, '', ...sections.flatMap(([title, lines]) => [`== ${title} ==`, ...lines, ''])].join('\n'),
      options.personalValues(),
    );
    this.last = text;
    return { text, createdAt };
  }

  /** Writes the last report to a file main's save dialog gave. */
  async save(target: string): Promise<{ name: string; size: number }> {
    if (this.last === null) throw new DiagnosticsReportMissingError('Create the report before saving it.');
    const content = Buffer.from(this.last, 'utf8');
    await writeFileAtomic(target, content, 0o644);
    return { name: path.basename(target), size: content.length };
  }

  private applicationSection(): string[] {
    const { host } = this.options;
    const versions = Object.entries(host.versions).map(([name, version]) => `${name} ${version}`);
    return [
      `Version: ${host.version} (${host.kind})`,
      `Runtime: ${versions.length > 0 ? versions.join(', ') : '(unknown)'}`,
      `OS: ${this.options.os?.() ?? `${os.type()} ${os.release()} ${os.arch()} (${host.platform})`}`,
    ];
  }

  private settingsSection(): string[] {
    const view = this.options.settings.view();
    const values = view.values as Record<string, unknown>;
    return SHOWN_SETTINGS.filter((key) => key in values).map((key) => `${key}: ${describeValue(key, values[key])}${(view.locked as string[]).includes(key) ? ' (locked by policy)' : ''}`);
  }

  private async tokensSection(): Promise<{ modules: string[]; readers: string[] }> {
    try {
      return describeTokens(await this.options.tokens.list());
    } catch (error) {
      const line = `(tokens could not be listed: ${(error as Error).name})`;
      return { modules: [line], readers: [line] };
    }
  }

  private async networkSection(): Promise<string[]> {
    const values = this.options.settings.view().values as Record<string, unknown>;
    const lines = [`Proxy: ${describeValue('proxyMode', values.proxyMode ?? 'system')}${values.proxyUrl ? `, ${describeValue('proxyUrl', values.proxyUrl)}` : ''}`];
    const authority = await this.options.authorityUrl().catch(() => ({ apiUrl: null, demo: false }));
    lines.push(`Authority: ${authority.apiUrl ? describeValue('authorityUrl', authority.apiUrl) : '(not resolved)'}${authority.demo ? ' (demo sandbox)' : ''}`);
    const tsa = this.options.tsaUrl(authority.apiUrl);
    const checks: [string, string | null][] = [
      ['Authority (GET /pki/root.pem)', authority.apiUrl ? `${authority.apiUrl.replace(/\/$/, '')}/pki/root.pem` : null],
      ['Timestamp authority (GET)', tsa],
    ];
    const results = await Promise.all(checks.map(async ([label, url]) => [label, url, url ? await this.options.probe(url) : null] as const));
    for (const [label, url, result] of results) {
      if (!url || !result) lines.push(`${label}: not checked (no address)`);
      else lines.push(`${label} ${describeValue('url', url)}: ${result.ok ? `HTTP ${result.status}` : `failed (${result.error})`} in ${result.ms} ms`);
    }
    return lines;
  }
}

/** The last line of defence: any of the person's values left in the text (a log line, a label) is replaced. */
function scrub(text: string, values: readonly string[]): string {
  let out = text;
  for (const value of values.filter((item) => item.trim().length >= 3).sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '[redacted]');
  }
  return out;
}
