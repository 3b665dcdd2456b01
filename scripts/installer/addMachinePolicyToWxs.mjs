// @ts-check
// The MSI's public properties (msiexec /i ... AUTHORITYURL=https://... UPDATES=0 DEMO=1 PKCS11MODULES=a;b) written as
// the machine policy the app reads (src-main/policy/readWindowsPolicy.ts): one value per setting key under
// HKLM\SOFTWARE\Policies\GuichetDesktop, in the 64-bit view (the MSI is built for x64, so its components are 64-bit).
// electron-builder's MSI template has no option for properties or registry values; this edits the project it
// generates, through its msiProjectCreated hook, before WiX compiles it.

export const POLICY_KEY = 'SOFTWARE\\Policies\\GuichetDesktop';

/**
 * Each property, the setting it sets and how. Component GUIDs are fixed once: a component's GUID must stay the same
 * across versions for Windows Installer to count it as the same component.
 * @type {ReadonlyArray<{ property: string, setting: string, kind: 'string' | 'switch' | 'list', guid?: string }>}
 */
export const MSI_POLICY_PROPERTIES = [
  { property: 'AUTHORITYURL', setting: 'authorityUrl', kind: 'string', guid: '6A7BEFED-1EBA-4733-8192-17588DB0B4F2' },
  { property: 'UPDATES', setting: 'updatesEnabled', kind: 'switch', guid: 'AF03F278-1282-4D5D-8E9B-FE11A391B139' },
  { property: 'DEMO', setting: 'demoModeAllowed', kind: 'switch', guid: '0B5D0E46-E265-4B0A-8E79-511567F45219' },
  // A REG_MULTI_SZ cannot be made from one property by the Registry table (its [~] separator is read from the
  // table, not from a property's value), so reg.exe writes it, splitting at ";" (/s ;).
  { property: 'PKCS11MODULES', setting: 'pkcs11Modules', kind: 'list' },
];

/** @param {string} text */
const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** @param {string} wxs @param {string} anchor @param {string} insert @param {'before' | 'after'} where */
function insertAt(wxs, anchor, insert, where) {
  const at = wxs.indexOf(anchor);
  // The template is electron-builder's: if it changes shape, stop the build rather than ship an MSI without the policy.
  if (at < 0 || wxs.indexOf(anchor, at + 1) >= 0) throw new Error(`MSI project: expected exactly one ${anchor} in electron-builder's project`);
  const cut = where === 'before' ? at : at + anchor.length;
  return wxs.slice(0, cut) + insert + wxs.slice(cut);
}

/** @param {string} indent */
function policyDeclarations(indent) {
  const lines = [
    '<!-- Machine policy from msiexec properties (scripts/installer/addMachinePolicyToWxs.mjs). A value is written only',
    '     when its property is given; the components are permanent: the policy belongs to the administrator and stays',
    '     when the app is uninstalled or upgraded. -->',
  ];
  for (const { property } of MSI_POLICY_PROPERTIES) lines.push(`<Property Id="${property}" Secure="yes"/>`);
  for (const { property } of MSI_POLICY_PROPERTIES.filter((p) => p.kind === 'switch')) {
    // A property set to 0 is set (Windows Installer has no booleans): the value itself is checked.
    lines.push(`<Condition Message="${property} takes 0 or 1."><![CDATA[Installed OR NOT ${property} OR ${property} = "0" OR ${property} = "1"]]></Condition>`);
  }
  lines.push('<ComponentGroup Id="MachinePolicy" Directory="APPLICATIONFOLDER">');
  for (const { property, setting, kind, guid } of MSI_POLICY_PROPERTIES) {
    if (kind === 'list') continue;
    const type = kind === 'switch' ? 'integer' : 'string';
    lines.push(
      `  <Component Id="policy_${setting}" Guid="${guid}" Permanent="yes">`,
      `    <Condition>${property}</Condition>`,
      `    <RegistryValue Root="HKLM" Key="${escapeXml(POLICY_KEY)}" Name="${setting}" Type="${type}" Value="[${property}]" KeyPath="yes"/>`,
      '  </Component>',
    );
  }
  lines.push('</ComponentGroup>');
  for (const { property, setting } of MSI_POLICY_PROPERTIES.filter((p) => p.kind === 'list')) {
    // Deferred and not impersonated: runs as LocalSystem inside the elevated transaction, as the registry components do.
    const command = `"[System64Folder]reg.exe" add "HKLM\\${POLICY_KEY}" /v ${setting} /t REG_MULTI_SZ /s ; /d "[${property}]" /f /reg:64`;
    lines.push(`<CustomAction Id="policy_${setting}" Directory="APPLICATIONFOLDER" ExeCommand="${escapeXml(command)}" Execute="deferred" Impersonate="no" Return="check"/>`);
  }
  return lines.map((line) => indent + line).join('\n') + '\n';
}

function policySchedule() {
  return MSI_POLICY_PROPERTIES.filter((p) => p.kind === 'list')
    .map(({ property, setting }) => `\n          <Custom Action="policy_${setting}" Before="InstallFinalize">${property} AND NOT REMOVE</Custom>`)
    .join('');
}

/**
 * The project electron-builder generated, with the policy properties, their registry components (in the product's
 * feature) and the custom action for the list.
 * @param {string} wxs
 * @returns {string}
 */
export function addMachinePolicyToWxs(wxs) {
  if (wxs.includes('<ComponentGroup Id="MachinePolicy"')) throw new Error('MSI project: the machine policy is already in it');
  let out = insertAt(wxs, '<ComponentGroupRef Id="ProductComponents"/>', '\n      <ComponentGroupRef Id="MachinePolicy"/>', 'after');
  out = insertAt(out, '  </Product>', policyDeclarations('    '), 'before');
  // One InstallExecuteSequence: the template has one when it runs the app after an interactive install.
  const sequences = out.split('<InstallExecuteSequence>').length - 1;
  if (sequences === 1) out = insertAt(out, '</InstallExecuteSequence>', policySchedule() + '\n        ', 'before');
  else if (sequences === 0) out = insertAt(out, '  </Product>', `    <InstallExecuteSequence>${policySchedule()}\n    </InstallExecuteSequence>\n`, 'before');
  else throw new Error('MSI project: more than one InstallExecuteSequence');
  return out;
}
