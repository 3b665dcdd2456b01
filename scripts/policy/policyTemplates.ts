// Group Policy templates (ADMX + ADML in en-US, de-DE, fr-FR) and the macOS configuration profile example, made from the
// settings schema: each setting's type, range and choices are read from the policy's JSON Schema (itself made from the
// zod schema main checks policies with), its words from policyTexts.ts. `npm run policy:schema` writes them; a test
// keeps the committed files equal to what this makes.
import { createHash } from 'node:crypto';
import { policyJsonSchema } from '../../src-shared/settings/policyJsonSchema';
import { settingKeys, settingsSchema, type SettingKey } from '../../src-shared/settings/settingsSchema';
import { MAC_POLICY_DOMAIN } from '../../src-main/policy/readMacPolicy';
import { WINDOWS_POLICY_KEY } from '../../src-main/policy/readWindowsPolicy';
import { COMMON_TEXTS, PRODUCT, SETTING_TEXTS, TEMPLATE_LOCALES, type TemplateLocale } from './policyTexts';

/** The registry keys the ADMX writes, as readWindowsPolicy reads them (without the hive: ADMX keys are relative). */
export const MANAGED_KEY = WINDOWS_POLICY_KEY.replace(/^HKEY_LOCAL_MACHINE\\/, '');
export const RECOMMENDED_KEY = `${MANAGED_KEY}\\Recommended`;
const NAMESPACE = 'Guichet.Policies.GuichetDesktop';
const CATEGORY = 'GuichetDesktop';
const RECOMMENDED_CATEGORY = 'GuichetDesktop_Recommended';
const SUPPORTED = 'SUPPORTED_GuichetDesktop_0_1';
/** A recommended policy's name: the setting's, with this suffix (its registry value keeps the setting's name). */
export const RECOMMENDED_SUFFIX = '_Recommended';

/** How a setting is edited in Group Policy, from its JSON Schema. */
export type PolicyField =
  | { kind: 'boolean' }
  | { kind: 'decimal'; min: number; max: number }
  | { kind: 'enum'; values: string[]; nullable: boolean }
  | { kind: 'text'; nullable: boolean }
  | { kind: 'list'; maxLength: number };

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  maxLength?: number;
}

function fieldOf(key: string, schema: JsonSchema): PolicyField {
  const nullable = schema.anyOf?.some((s) => s.type === 'null') ?? false;
  const base = schema.anyOf?.find((s) => s.type !== 'null') ?? schema;
  if (base.type === 'boolean') return { kind: 'boolean' };
  // The Windows reader takes REG_DWORD for numbers; null ones would need a way to write "none".
  if (base.type === 'integer' && base.minimum !== undefined && base.maximum !== undefined && !nullable) return { kind: 'decimal', min: base.minimum, max: base.maximum };
  if (base.type === 'string' && base.enum) return { kind: 'enum', values: base.enum.map(String), nullable };
  if (base.type === 'string') return { kind: 'text', nullable };
  // A line of a list holds one item (a certificate's base64 DER is longer than a path).
  if (base.type === 'array' && base.items?.type === 'string' && !nullable) return { kind: 'list', maxLength: base.items.maxLength ?? 1024 };
  throw new Error(`policy templates: no Group Policy element for the setting ${key} (${JSON.stringify(schema)}): add one in scripts/policy/policyTemplates.ts`);
}

/** Every setting with its Group Policy element, in the schema's order. */
export function policyFields(): { key: SettingKey; field: PolicyField }[] {
  const managed = (policyJsonSchema().properties as { managed: { properties: Record<string, JsonSchema> } }).managed.properties;
  return settingKeys.map((key) => {
    const schema = managed[key];
    if (!schema) throw new Error(`policy templates: the setting ${key} is not in the policy's JSON Schema`);
    return { key, field: fieldOf(key, schema) };
  });
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A choice's string id: language_de, language_system for the null choice. */
const choiceId = (key: string, value: string) => `${key}_${value === '' ? 'none' : value}`;
const hasPresentation = (field: PolicyField) => field.kind !== 'boolean';

function policyXml(key: SettingKey, field: PolicyField, recommended: boolean): string {
  const name = recommended ? `${key}${RECOMMENDED_SUFFIX}` : key;
  const attributes = [
    `name="${name}"`,
    'class="Machine"',
    `displayName="$(string.${key})"`,
    `explainText="$(string.${name}_Explain)"`,
    ...(hasPresentation(field) ? [`presentation="$(presentation.${key})"`] : []),
    `key="${recommended ? RECOMMENDED_KEY : MANAGED_KEY}"`,
    ...(field.kind === 'boolean' ? [`valueName="${key}"`] : []),
  ];
  const lines = [`    <policy ${attributes.join(' ')}>`, `      <parentCategory ref="${recommended ? RECOMMENDED_CATEGORY : CATEGORY}" />`, `      <supportedOn ref="${SUPPORTED}" />`];
  switch (field.kind) {
    case 'boolean':
      // REG_DWORD 1 / 0: what readWindowsPolicy takes for a switch.
      lines.push('      <enabledValue>', '        <decimal value="1" />', '      </enabledValue>', '      <disabledValue>', '        <decimal value="0" />', '      </disabledValue>');
      break;
    case 'decimal':
      lines.push('      <elements>', `        <decimal id="${key}" valueName="${key}" required="true" minValue="${field.min}" maxValue="${field.max}" />`, '      </elements>');
      break;
    case 'enum': {
      lines.push('      <elements>', `        <enum id="${key}" valueName="${key}" required="true">`);
      // null is an empty REG_SZ, as readWindowsPolicy reads it.
      for (const value of [...field.values, ...(field.nullable ? [''] : [])]) {
        lines.push(`          <item displayName="$(string.${choiceId(key, value)})">`, '            <value>', value === '' ? '              <string />' : `              <string>${escapeXml(value)}</string>`, '            </value>', '          </item>');
      }
      lines.push('        </enum>', '      </elements>');
      break;
    }
    case 'text':
      lines.push('      <elements>', `        <text id="${key}" valueName="${key}" maxLength="1024"${field.nullable ? '' : ' required="true"'} />`, '      </elements>');
      break;
    case 'list':
      // REG_MULTI_SZ under the setting's own name, as readWindowsPolicy reads lists (not the list element's numbered
      // values in a subkey).
      lines.push('      <elements>', `        <multiText id="${key}" valueName="${key}" maxLength="${field.maxLength}" />`, '      </elements>');
      break;
  }
  lines.push('    </policy>');
  return lines.join('\n');
}

/** GuichetDesktop.admx: one enforced policy per setting and one recommended, each in its category. */
export function admx(): string {
  const fields = policyFields();
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by npm run policy:schema from the settings schema: do not edit. -->
<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <policyNamespaces>
    <target prefix="guichetdesktop" namespace="${NAMESPACE}" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
      <definition name="${SUPPORTED}" displayName="$(string.${SUPPORTED})" />
    </definitions>
  </supportedOn>
  <categories>
    <category name="${CATEGORY}" displayName="$(string.${CATEGORY})" />
    <category name="${RECOMMENDED_CATEGORY}" displayName="$(string.${RECOMMENDED_CATEGORY})" />
  </categories>
  <policies>
${fields.map(({ key, field }) => policyXml(key, field, false)).join('\n')}
${fields.map(({ key, field }) => policyXml(key, field, true)).join('\n')}
  </policies>
</policyDefinitions>
`;
}

const REGISTRY_TYPE: Record<PolicyField['kind'], string> = { boolean: 'REG_DWORD 1/0', decimal: 'REG_DWORD', enum: 'REG_SZ', text: 'REG_SZ', list: 'REG_MULTI_SZ' };

function presentationXml(key: SettingKey, field: PolicyField, locale: TemplateLocale, defaults: Record<string, unknown>): string {
  const label = escapeXml(SETTING_TEXTS[key].label?.[locale] ?? SETTING_TEXTS[key].name[locale]);
  const open = `      <presentation id="${key}">`;
  switch (field.kind) {
    case 'decimal':
      return `${open}\n        <decimalTextBox refId="${key}" defaultValue="${Number(defaults[key])}" spinStep="1">${label}</decimalTextBox>\n      </presentation>`;
    case 'enum':
      return `${open}\n        <dropdownList refId="${key}" noSort="true" defaultItem="0">${label}</dropdownList>\n      </presentation>`;
    case 'text':
      return `${open}\n        <textBox refId="${key}">\n          <label>${label}</label>\n        </textBox>\n      </presentation>`;
    case 'list':
      return `${open}\n        <multiTextBox refId="${key}">${label}</multiTextBox>\n      </presentation>`;
    default:
      throw new Error(`no presentation for ${key}`);
  }
}

/** GuichetDesktop.adml of one language: the names, explanations and field labels of every policy. */
export function adml(locale: TemplateLocale): string {
  const fields = policyFields();
  const defaults = settingsSchema.parse({}) as Record<string, unknown>;
  const strings: [string, string][] = [
    [CATEGORY, PRODUCT[locale]],
    [RECOMMENDED_CATEGORY, COMMON_TEXTS.recommendedCategory[locale]],
    [SUPPORTED, COMMON_TEXTS.supported[locale]],
  ];
  for (const { key, field } of fields) {
    const texts = SETTING_TEXTS[key];
    const registry = (path: string) => `${COMMON_TEXTS.registryNote[locale]}: HKEY_LOCAL_MACHINE\\${path}\\${key} (${REGISTRY_TYPE[field.kind]})`;
    strings.push([key, texts.name[locale]]);
    strings.push([`${key}_Explain`, `${texts.explain[locale]}\n\n${COMMON_TEXTS[field.kind === 'boolean' ? 'switchManagedNote' : 'managedNote'][locale]}\n\n${registry(MANAGED_KEY)}`]);
    strings.push([`${key}${RECOMMENDED_SUFFIX}_Explain`, `${texts.explain[locale]}\n\n${COMMON_TEXTS[field.kind === 'boolean' ? 'switchRecommendedNote' : 'recommendedNote'][locale]}\n\n${registry(RECOMMENDED_KEY)}`]);
    if (field.kind === 'enum') {
      for (const value of [...field.values, ...(field.nullable ? [''] : [])]) {
        const choice = texts.choices?.[value]?.[locale];
        if (choice === undefined) throw new Error(`policy templates: no ${locale} name for the choice "${value}" of ${key} in scripts/policy/policyTexts.ts`);
        strings.push([choiceId(key, value), choice]);
      }
    }
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by npm run policy:schema from the settings schema: do not edit. -->
<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <displayName>${escapeXml(PRODUCT[locale])}</displayName>
  <description>${escapeXml(COMMON_TEXTS.description[locale])}</description>
  <resources>
    <stringTable>
${strings.map(([id, text]) => `      <string id="${id}">${escapeXml(text)}</string>`).join('\n')}
    </stringTable>
    <presentationTable>
${fields
  .filter(({ field }) => hasPresentation(field))
  .map(({ key, field }) => presentationXml(key, field, locale, defaults))
  .join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
}

/** A stable UUID for a payload identifier (the same file each time it is generated; an MDM tells profiles apart by it). */
function payloadUuid(identifier: string): string {
  const hex = createHash('sha1').update(`guichet-desktop:${identifier}`).digest('hex');
  // Shaped as a name-based (version 5) UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`.toUpperCase();
}

function plistValue(value: unknown, indent: string): string {
  if (typeof value === 'boolean') return `${indent}<${value}/>`;
  if (typeof value === 'number' && Number.isInteger(value)) return `${indent}<integer>${value}</integer>`;
  if (typeof value === 'string') return `${indent}<string>${escapeXml(value)}</string>`;
  if (Array.isArray(value)) return [`${indent}<array>`, ...value.map((item) => plistValue(item, `${indent}\t`)), `${indent}</array>`].join('\n');
  throw new Error(`no plist form for ${JSON.stringify(value)}`);
}

const plistEntries = (entries: [string, unknown][], indent: string) => entries.map(([key, value]) => `${indent}<key>${escapeXml(key)}</key>\n${plistValue(value, indent)}`).join('\n');

/**
 * lu.guichet.desktop.mobileconfig: a configuration profile with one payload of the app's preference domain, every
 * setting as readMacPolicy reads it (a managed preference, enforced).
 */
export function mobileconfig(): string {
  const settings: [string, unknown][] = policyFields().map(({ key }) => [key, SETTING_TEXTS[key].macExample]);
  const payload: [string, unknown][] = [
    ['PayloadDisplayName', 'Guichet Desktop settings'],
    ['PayloadIdentifier', `${MAC_POLICY_DOMAIN}.policy.settings`],
    ['PayloadType', MAC_POLICY_DOMAIN],
    ['PayloadUUID', payloadUuid(`${MAC_POLICY_DOMAIN}.policy.settings`)],
    ['PayloadVersion', 1],
  ];
  const profile: [string, unknown][] = [
    ['PayloadDescription', 'Machine-wide settings of Guichet Desktop (an example: keep only the settings to enforce).'],
    ['PayloadDisplayName', 'Guichet Desktop'],
    ['PayloadIdentifier', `${MAC_POLICY_DOMAIN}.policy`],
    ['PayloadScope', 'System'],
    ['PayloadType', 'Configuration'],
    ['PayloadUUID', payloadUuid(`${MAC_POLICY_DOMAIN}.policy`)],
    ['PayloadVersion', 1],
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<!-- Generated by npm run policy:schema from the settings schema: do not edit (copy it, then keep only the settings to enforce). -->
<plist version="1.0">
<dict>
\t<key>PayloadContent</key>
\t<array>
\t\t<dict>
${plistEntries([...payload, ...settings], '\t\t\t')}
\t\t</dict>
\t</array>
${plistEntries(profile, '\t')}
</dict>
</plist>
`;
}

/** Every generated template, by its path in the repository. */
export function policyTemplates(): Record<string, string> {
  return {
    'resources/policy/windows/GuichetDesktop.admx': admx(),
    ...Object.fromEntries(TEMPLATE_LOCALES.map((locale) => [`resources/policy/windows/${locale}/GuichetDesktop.adml`, adml(locale)])),
    'resources/policy/macos/lu.guichet.desktop.mobileconfig': mobileconfig(),
  };
}
