import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { settingKeys, settingsSchema, type SettingKey, type Settings } from '../../../../src-shared/settings/settingsSchema';
import { parsePolicyDocument } from '../../../../src-main/policy/parsePolicyDocument';
import { MAC_MANAGED_PREFERENCES, MAC_POLICY_DOMAIN, readMacPolicy } from '../../../../src-main/policy/readMacPolicy';
import { readWindowsPolicy, WINDOWS_POLICY_KEY, type RegRunner } from '../../../../src-main/policy/readWindowsPolicy';
import { policyTemplates } from '../../../../scripts/policy/policyTemplates';
import { TEMPLATE_LOCALES } from '../../../../scripts/policy/policyTexts';

const ADMX = 'resources/policy/windows/GuichetDesktop.admx';
const ADML = (locale: string) => `resources/policy/windows/${locale}/GuichetDesktop.adml`;
const MOBILECONFIG = 'resources/policy/macos/lu.guichet.desktop.mobileconfig';
const PD_NS = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';

/** An element of a parsed file: its name, attributes, child elements and text. */
class Element {
  constructor(
    readonly localName: string,
    private readonly attributes: Record<string, string>,
    readonly children: Element[],
    readonly textContent: string,
  ) {}

  getAttribute(name: string): string | null {
    return Object.hasOwn(this.attributes, name) ? (this.attributes[name] as string) : null;
  }

  /** Every element's default namespace is its root's here (the files declare no prefixed elements). */
  get namespaceURI(): string | null {
    return this.getAttribute('xmlns');
  }
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElement(node: OrderedNode): Element | null {
  const name = Object.keys(node).find((k) => k !== ':@');
  if (name === undefined || name.startsWith('#') || name.startsWith('?')) return null;
  const content = node[name] as OrderedNode[];
  const text = content.map((c) => (typeof c['#text'] === 'string' ? c['#text'] : '')).join('');
  return new Element(name, node[':@'] ?? {}, content.map(toElement).filter((e): e is Element => e !== null), text);
}

/**
 * Parses XML text after checking it is well-formed (matched tags, quoted and unrepeated attributes, one root), failing
 * with the validator's message. Entities beyond XML's own five are refused too (XML knows no &nbsp;).
 */
function parseXmlText(text: string, file: string): Element {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`${file} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)[^;\s]*;?/.exec(text);
  if (entity) throw new Error(`${file} is not well-formed XML: undefined entity ${entity[0]}`);
  const parsed = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: false }).parse(text) as OrderedNode[];
  const roots = parsed.map(toElement).filter((e): e is Element => e !== null);
  if (roots.length !== 1) throw new Error(`${file} has ${roots.length} root elements`);
  return roots[0] as Element;
}
const parseXml = (file: string) => parseXmlText(readFileSync(file, 'utf8'), file);

const childElements = (element: Element, name?: string): Element[] => element.children.filter((node) => name === undefined || node.localName === name);
const child = (element: Element, name: string): Element => {
  const found = childElements(element, name);
  if (found.length !== 1) throw new Error(`<${element.localName}> has ${found.length} <${name}>`);
  return found[0] as Element;
};
/** Every descendant element of that name. */
const all = (element: Element, name: string): Element[] => element.children.flatMap((c) => [...(c.localName === name ? [c] : []), ...all(c, name)]);

let parsedAdmx: Element | undefined;
/** The committed ADMX, parsed once (its elements are compared by identity). */
const admx = () => (parsedAdmx ??= parseXml(ADMX));
const policies = () => all(admx(), 'policy');
const policyNamed = (name: string) => {
  const found = policies().find((p) => p.getAttribute('name') === name);
  if (!found) throw new Error(`no policy ${name} in the ADMX`);
  return found;
};

// ---- Group Policy's side, simulated: the registry values an ADMX policy writes when an administrator sets it ----

interface RegistryWrite {
  key: string;
  name: string;
  type: 'REG_DWORD' | 'REG_SZ' | 'REG_EXPAND_SZ' | 'REG_MULTI_SZ';
  data: string;
}

/**
 * What the Group Policy editor writes for this policy when given `value` (a switch: true = Enabled, false = Disabled),
 * read from the ADMX's own elements and attributes, not from the generator. Refuses what the editor would refuse.
 */
function groupPolicyWrites(policy: Element, value: unknown): RegistryWrite[] {
  const key = policy.getAttribute('key') as string;
  const elements = childElements(policy, 'elements')[0];
  if (!elements) {
    const which = child(policy, value === true ? 'enabledValue' : value === false ? 'disabledValue' : 'none');
    return [{ key, name: policy.getAttribute('valueName') as string, type: 'REG_DWORD', data: `0x${Number(child(which, 'decimal').getAttribute('value')).toString(16)}` }];
  }
  return childElements(elements).map((element): RegistryWrite => {
    const at = { key: element.getAttribute('key') || key, name: element.getAttribute('valueName') as string };
    switch (element.localName) {
      case 'decimal': {
        const n = value as number;
        if (!Number.isInteger(n) || n < Number(element.getAttribute('minValue')) || n > Number(element.getAttribute('maxValue'))) throw new Error(`the editor refuses ${n}`);
        return { ...at, type: 'REG_DWORD', data: `0x${n.toString(16)}` };
      }
      case 'enum': {
        const item = childElements(element, 'item').find((i) => child(child(i, 'value'), 'string').textContent === (value ?? ''));
        if (!item) throw new Error(`no choice ${String(value)} in ${at.name}`);
        return { ...at, type: 'REG_SZ', data: child(child(item, 'value'), 'string').textContent ?? '' };
      }
      case 'text':
        if (element.getAttribute('required') === 'true' && !value) throw new Error(`the editor requires ${at.name}`);
        return { ...at, type: element.getAttribute('expandable') === 'true' ? 'REG_EXPAND_SZ' : 'REG_SZ', data: (value as string | null) ?? '' };
      case 'multiText':
        // reg query prints REG_MULTI_SZ items separated by a literal \0.
        return { ...at, type: 'REG_MULTI_SZ', data: (value as string[]).join('\\0') };
      default:
        throw new Error(`no simulation of <${element.localName}>`);
    }
  });
}

/** The text `reg query HKLM\SOFTWARE\Policies\GuichetDesktop /s` prints for these values. */
function regQueryText(writes: RegistryWrite[]): string {
  const byKey = new Map<string, RegistryWrite[]>();
  for (const write of writes) byKey.set(write.key, [...(byKey.get(write.key) ?? []), write]);
  const lines = [''];
  for (const [key, values] of [...byKey].sort(([a], [b]) => a.length - b.length)) {
    lines.push(`HKEY_LOCAL_MACHINE\\${key}`, ...values.map((v) => `    ${v.name}    ${v.type}    ${v.data}`), '');
  }
  return lines.join('\r\n');
}

const regRunner =
  (text: string): RegRunner =>
  async (args) =>
    args.includes('/s') ? { code: 0, stdout: text, stderr: '' } : { code: 0, stdout: `\r\n${WINDOWS_POLICY_KEY}\r\n`, stderr: '' };

const EXAMPLE_ROOTS = [
  'MIIB6zCCAZGgAwIBAgIUU3bZhgILGbqBFK4+9CKWDoFxJ3MwCgYIKoZIzj0EAwIwQjEVMBMGA1UECgwMRXhhbXBsZSBDb3JwMSkwJwYDVQQDDCBFeGFtcGxlIENvcnAgUm9vdCBDQSAxIChleGFtcGxlKTAgFw0yNjEyMDExNjMzNDBaGA8yMTI2MTEwNzE2MzM0MFowQjEVMBMGA1UECgwMRXhhbXBsZSBDb3JwMSkwJwYDVQQDDCBFeGFtcGxlIENvcnAgUm9vdCBDQSAxIChleGFtcGxlKTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABMg+qvw0wgNeDTHKzZ3fQ0fIe4BU5MjNh4l0fpLx+dSLahoHIhq49SLsQSyIDAQm9GkGXZuO7Pg0UUHsUvMHXfCjYzBhMB0GA1UdDgQWBBQeAPkkeAsFPmkS3+CTD2IrixLVWTAfBgNVHSMEGDAWgBQeAPkkeAsFPmkS3+CTD2IrixLVWTAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIBBjAKBggqhkjOPQQDAgNIADBFAiEAgQLhy64Ga0lpFeENV7utG8o8+QCtH9TdW5ZY/O5T2WsCIBwtmzpaN1dqNv6cbweCYg6k5dbq0nRBCabKBS0aLVYd',
  'MIIB6jCCAZGgAwIBAgIUdRm0aqmf8GEf4PN3SY/0cuj1nW8wCgYIKoZIzj0EAwIwQjEVMBMGA1UECgwMRXhhbXBsZSBDb3JwMSkwJwYDVQQDDCBFeGFtcGxlIENvcnAgUm9vdCBDQSAyIChleGFtcGxlKTAgFw0yNjEyMDExNjMzNDFaGA8yMTI2MTEwNzE2MzM0MVowQjEVMBMGA1UECgwMRXhhbXBsZSBDb3JwMSkwJwYDVQQDDCBFeGFtcGxlIENvcnAgUm9vdCBDQSAyIChleGFtcGxlKTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABKZIII6eFtw6Xu9RR/iHutYK6iLJ4Mg2Igtu/bRRh4Hay7l0Px11RX/zlfbuIEghKeilNJmDvacsU5wnmZtmYCijYzBhMB0GA1UdDgQWBBSkM8QYS9b40wLWengag8ZQgCkSvTAfBgNVHSMEGDAWgBSkM8QYS9b40wLWengag8ZQgCkSvTAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIBBjAKBggqhkjOPQQDAgNHADBEAiAX3Me4S9FL7+8QEkp5FEpDmfYKYkZkTi5KIPbRrDYb9wIgUchBQs2RarOzCOlWLrvSR9yzccNAu3SkIWGRAft3yPQ=',
] as const;

/** An enum setting's choices as Group Policy offers them ('' for null), from the zod schema; undefined for others. */
function enumChoices(key: SettingKey): string[] | undefined {
  const inner = settingsSchema.shape[key].unwrap();
  const nullable = inner instanceof z.ZodNullable;
  const base = nullable ? (inner as z.ZodNullable).unwrap() : inner;
  return base instanceof z.ZodEnum ? [...(base.options as string[]), ...(nullable ? [''] : [])] : undefined;
}

/** What an administrator sets in Group Policy: every setting, enforced and recommended, with different values. */
const MANAGED: Settings = {
  language: 'de',
  idleLockMinutes: 1440,
  authorityUrl: 'https://api.guichet.example.lu/v1',
  proxyUrl: 'http://proxy.corp.example.lu:3128/',
  mailboxNotifications: false,
  pkcs11Modules: ['C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll', 'C:\\Windows\\System32\\gclib.dll'],
  proxyMode: 'manual',
  updatesEnabled: false,
  updateChannel: 'beta',
  updateUrl: 'https://updates.corp.example.lu/guichet/',
  demoModeAllowed: false,
  pkcs12Allowed: false,
  tsaUrl: 'https://tsa.corp.example.lu/',
  // Two real (example) root certificates, base64 DER as a Group Policy list holds them: the reader checks each.
  trustedRootCertificates: [EXAMPLE_ROOTS[0], EXAMPLE_ROOTS[1]],
  logLevel: 'debug',
  idleLockMinMinutes: 5,
  idleLockMaxMinutes: 1440,
  allowedLanguages: ['fr', 'de'],
};
const RECOMMENDED: Settings = {
  language: null,
  idleLockMinutes: 0,
  authorityUrl: null,
  proxyUrl: null,
  mailboxNotifications: true,
  pkcs11Modules: [],
  proxyMode: 'direct',
  updatesEnabled: true,
  updateChannel: 'stable',
  updateUrl: null,
  demoModeAllowed: true,
  pkcs12Allowed: true,
  tsaUrl: null,
  trustedRootCertificates: [],
  logLevel: 'warn',
  idleLockMinMinutes: 0,
  idleLockMaxMinutes: 60,
  allowedLanguages: ['en'],
};

const writesFor = (managed: Partial<Settings>, recommended: Partial<Settings>) => [
  ...Object.entries(managed).flatMap(([key, value]) => groupPolicyWrites(policyNamed(key), value)),
  ...Object.entries(recommended).flatMap(([key, value]) => groupPolicyWrites(policyNamed(`${key}_Recommended`), value)),
];

// ---- The macOS profile, read as a property list (plutil is not on this machine) ----

/** A plist element as the value it stands for (Apple's PropertyList-1.0 DTD); anything else is an error. */
function plistValue(element: Element): unknown {
  switch (element.localName) {
    case 'dict': {
      const children = childElements(element);
      const out: Record<string, unknown> = {};
      for (let i = 0; i < children.length; i += 2) {
        const key = children[i] as Element;
        const value = children[i + 1];
        if (key.localName !== 'key' || !value) throw new Error(`a <dict> entry without <key> and value at ${i}`);
        if (Object.hasOwn(out, key.textContent ?? '')) throw new Error(`a <dict> has ${key.textContent} twice`);
        out[key.textContent ?? ''] = plistValue(value);
      }
      return out;
    }
    case 'array':
      return childElements(element).map(plistValue);
    case 'string':
      return element.textContent ?? '';
    case 'integer':
      if (!/^-?\d+$/.test(element.textContent ?? '')) throw new Error(`not an integer: ${element.textContent}`);
      return Number(element.textContent);
    case 'true':
    case 'false':
      if (childElements(element).length > 0 || (element.textContent ?? '') !== '') throw new Error(`<${element.localName}/> has content`);
      return element.localName === 'true';
    default:
      throw new Error(`not a plist element: <${element.localName}>`);
  }
}

function mobileconfig(): Record<string, unknown> {
  const root = parseXml(MOBILECONFIG);
  expect(root.localName).toBe('plist');
  expect(root.getAttribute('version')).toBe('1.0');
  expect(readFileSync(MOBILECONFIG, 'utf8')).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<!DOCTYPE plist PUBLIC "-\/\/Apple\/\/DTD PLIST 1\.0\/\/EN" "http:\/\/www\.apple\.com\/DTDs\/PropertyList-1\.0\.dtd">\n/);
  const top = childElements(root);
  expect(top.map((e) => e.localName)).toEqual(['dict']);
  return plistValue(top[0] as Element) as Record<string, unknown>;
}

const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

describe('policy templates for administrators (ADMX/ADML, macOS profile), made from the settings schema', () => {
  it('the committed templates are what the settings schema makes now (else: run npm run policy:schema)', () => {
    for (const [file, text] of Object.entries(policyTemplates())) {
      expect(existsSync(file), `${file} is missing: run npm run policy:schema`).toBe(true);
      expect(readFileSync(file, 'utf8'), `${file} is not what the settings schema makes: run npm run policy:schema and commit it`).toBe(text);
    }
  });

  it('the ADMX and every ADML are well-formed XML of the Group Policy namespace', () => {
    const root = admx();
    expect([root.localName, root.namespaceURI]).toEqual(['policyDefinitions', PD_NS]);
    for (const locale of TEMPLATE_LOCALES) {
      const adml = parseXml(ADML(locale));
      expect([adml.localName, adml.namespaceURI]).toEqual(['policyDefinitionResources', PD_NS]);
    }
    // The parser does refuse a broken file.
    expect(() => parseXmlText('<a><b></a>', 'broken.xml')).toThrow(/not well-formed/);
    expect(() => parseXmlText('<a>&nbsp;</a>', 'entity.xml')).toThrow(/undefined entity/);
    expect(() => parseXmlText('<a x="1" x="2"/>', 'attribute.xml')).toThrow(/repeated/);
  });

  it('has one enforced and one recommended policy per setting (nothing extra), on the keys the Windows reader reads', () => {
    const every = policies();
    expect(every.map((p) => p.getAttribute('name')).sort()).toEqual([...settingKeys, ...settingKeys.map((k) => `${k}_Recommended`)].sort());
    for (const key of settingKeys) {
      expect(policyNamed(key).getAttribute('key')).toBe('SOFTWARE\\Policies\\GuichetDesktop');
      expect(policyNamed(`${key}_Recommended`).getAttribute('key')).toBe('SOFTWARE\\Policies\\GuichetDesktop\\Recommended');
      for (const policy of [policyNamed(key), policyNamed(`${key}_Recommended`)]) {
        expect(policy.getAttribute('class')).toBe('Machine');
        // Each writes one registry value named as the setting.
        const elements = childElements(policy, 'elements')[0];
        const valueNames = [policy.getAttribute('valueName'), ...(elements ? childElements(elements).map((e) => e.getAttribute('valueName')) : [])].filter(Boolean);
        expect(valueNames).toEqual([key]);
      }
    }
    const categories = every.map((p) => child(p, 'parentCategory').getAttribute('ref'));
    expect(new Set(categories)).toEqual(new Set(all(admx(), 'category').map((c) => c.getAttribute('name'))));
    const supported = all(admx(), 'definition').map((d) => d.getAttribute('name'));
    for (const policy of every) expect(supported).toContain(child(policy, 'supportedOn').getAttribute('ref'));
  });

  it('gives each setting the element of its type: switch 1/0, decimal with the range, enum of the choices, text, multiText', () => {
    const defaults = settingsSchema.parse({});
    for (const key of settingKeys) {
      const policy = policyNamed(key);
      const elements = childElements(childElements(policy, 'elements')[0] ?? policy).filter((e) => e.localName !== 'parentCategory' && e.localName !== 'supportedOn');
      const value = defaults[key];
      if (typeof value === 'boolean') {
        expect(child(child(policy, 'enabledValue'), 'decimal').getAttribute('value')).toBe('1');
        expect(child(child(policy, 'disabledValue'), 'decimal').getAttribute('value')).toBe('0');
      } else if (typeof value === 'number') {
        const field = settingsSchema.shape[key].unwrap() as z.ZodNumber;
        expect(elements.map((e) => [e.localName, e.getAttribute('minValue'), e.getAttribute('maxValue')])).toEqual([['decimal', String(field.minValue), String(field.maxValue)]]);
      } else if (Array.isArray(value)) {
        expect(elements.map((e) => e.localName)).toEqual(['multiText']);
      } else if (enumChoices(key)) {
        expect(elements.map((e) => e.localName)).toEqual(['enum']);
        expect(childElements(elements[0] as Element, 'item').map((i) => child(child(i, 'value'), 'string').textContent)).toEqual(enumChoices(key));
      } else {
        expect(elements.map((e) => e.localName)).toEqual(['text']);
      }
    }
  });

  it('every string and presentation the ADMX names exists in each ADML (en-US, de-DE, fr-FR), nothing extra, translated', () => {
    const text = readFileSync(ADMX, 'utf8');
    const strings = new Set([...text.matchAll(/\$\(string\.([^)]+)\)/g)].map((m) => m[1]));
    const presentations = new Set([...text.matchAll(/\$\(presentation\.([^)]+)\)/g)].map((m) => m[1]));
    const tables: Record<string, Map<string, string>> = {};
    for (const locale of TEMPLATE_LOCALES) {
      const adml = parseXml(ADML(locale));
      const table = new Map(all(adml, 'string').map((s) => [s.getAttribute('id') as string, s.textContent ?? '']));
      tables[locale] = table;
      expect(new Set(table.keys()), `${locale}: the ADML's strings`).toEqual(strings);
      for (const [id, value] of table) expect(value.trim(), `${locale}: ${id}`).not.toBe('');
      for (const key of settingKeys) for (const id of [key, `${key}_Explain`, `${key}_Recommended_Explain`]) expect(table.has(id), `${locale}: ${id}`).toBe(true);

      const shown = all(adml, 'presentation');
      expect(new Set(shown.map((p) => p.getAttribute('id'))), `${locale}: the ADML's presentations`).toEqual(presentations);
      // Each presentation shows exactly the elements of the policies that use it.
      for (const presentation of shown) {
        const users = policies().filter((p) => p.getAttribute('presentation') === `$(presentation.${presentation.getAttribute('id')})`);
        expect(users.length).toBeGreaterThan(0);
        for (const policy of users) {
          const ids = childElements(child(policy, 'elements')).map((e) => e.getAttribute('id'));
          expect(childElements(presentation).map((e) => e.getAttribute('refId'))).toEqual(ids);
        }
      }
    }
    // Real translations, not copies of the English.
    for (const key of settingKeys) {
      expect(tables['de-DE']?.get(`${key}_Explain`)).not.toBe(tables['en-US']?.get(`${key}_Explain`));
      expect(tables['fr-FR']?.get(`${key}_Explain`)).not.toBe(tables['en-US']?.get(`${key}_Explain`));
    }
  });

  it('what the ADMX writes to the registry is read back by the Windows reader as the administrator set it', async () => {
    const text = regQueryText(writesFor(MANAGED, RECOMMENDED));
    expect(await readWindowsPolicy(regRunner(text), {})).toEqual({ managed: MANAGED, recommended: RECOMMENDED, source: WINDOWS_POLICY_KEY });
    // Every choice of the language list, and the switch both ways, enforced.
    for (const language of ['de', 'fr', 'en', null] as const) {
      for (const mailboxNotifications of [true, false]) {
        const policy = await readWindowsPolicy(regRunner(regQueryText(writesFor({ language, mailboxNotifications }, {}))), {});
        expect(policy.managed).toEqual({ language, mailboxNotifications });
      }
    }
    // The editor keeps numbers in the schema's range.
    expect(() => groupPolicyWrites(policyNamed('idleLockMinutes'), 1441)).toThrow(/refuses/);
  });

  it('the macOS profile is a property list with one payload of lu.guichet.desktop holding exactly the settings, which the macOS reader enforces', async () => {
    const profile = mobileconfig();
    expect(profile).toMatchObject({ PayloadType: 'Configuration', PayloadVersion: 1, PayloadScope: 'System', PayloadIdentifier: `${MAC_POLICY_DOMAIN}.policy` });
    const content = profile.PayloadContent as Record<string, unknown>[];
    expect(content).toHaveLength(1);
    const payload = content[0] as Record<string, unknown>;
    expect(payload).toMatchObject({ PayloadType: MAC_POLICY_DOMAIN, PayloadVersion: 1 });
    expect(String(payload.PayloadIdentifier)).toMatch(new RegExp(`^${MAC_POLICY_DOMAIN.replace(/\./g, '\\.')}\\.`));
    expect([profile.PayloadUUID, payload.PayloadUUID].every((u) => UUID.test(String(u)))).toBe(true);
    expect(profile.PayloadUUID).not.toBe(payload.PayloadUUID);
    expect(Object.keys(payload).filter((k) => !k.startsWith('Payload')).sort()).toEqual([...settingKeys].sort());

    // The managed preferences file macOS makes from the payload holds its keys; plutil gives them as JSON.
    const file = `${MAC_MANAGED_PREFERENCES}/${MAC_POLICY_DOMAIN}.plist`;
    const policy = await readMacPolicy({ userName: 'anne', exists: (f) => f === file, readPlist: async () => JSON.parse(JSON.stringify(payload)) });
    const settings = Object.fromEntries(Object.entries(payload).filter(([k]) => !k.startsWith('Payload')));
    expect(policy).toEqual({ managed: settings, recommended: {}, source: file });
    expect(parsePolicyDocument('profile', { managed: settings }).managed).toEqual(settings);
  });
});
