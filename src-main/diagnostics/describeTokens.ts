import type { TokensView } from '../../src-shared/tokens/tokenSchemas';

/**
 * The PKCS#11 modules and their load result, then readers and tokens. Of the person's certificates only what they are
 * for and who issued them: no subject, no serial number. A token's label often is its holder's name: the holders'
 * names are taken out of it.
 */
export function describeTokens(view: TokensView): { modules: string[]; readers: string[] } {
  const modules = view.modules.length === 0 ? ['(none found)'] : [];
  for (const module of view.modules) {
    modules.push(`${module.name} [${module.id}] (${module.source}): ${module.status}, watch ${module.watch}`);
    modules.push(`    path: ${module.path}`);
    if (module.library) modules.push(`    library: ${module.library.manufacturer} / ${module.library.description}, Cryptoki ${module.library.cryptokiVersion}, version ${module.library.libraryVersion}`);
    if (module.diagnostic) modules.push(`    problem: ${module.diagnostic.code}: ${module.diagnostic.message}`);
  }
  const readers = view.slots.length === 0 ? ['(no reader or token)'] : [];
  for (const slot of view.slots) {
    readers.push(`Slot ${slot.slotId} of ${slot.moduleId}: "${slot.description}" by ${slot.manufacturer}${slot.removable ? ', removable' : ''}${slot.hardware ? ', hardware' : ''}`);
    const token = slot.token;
    if (!token) {
      readers.push('    no token');
      continue;
    }
    const holders = token.certificates.flatMap((certificate) => [certificate.holder, ...certificate.holder.split(/\s+/)]).filter((part) => part.length >= 3);
    readers.push(`    token "${withoutNames(token.label, holders)}", ${token.manufacturer}, model ${token.model}, flags 0x${token.flags.toString(16)}`);
    const pin = token.pin;
    readers.push(`    PIN: ${pin.locked ? 'locked' : pin.finalTry ? 'final try' : pin.countLow ? 'count low' : 'ok'}${pin.pinPad ? ', PIN pad' : ''}, length ${pin.minLength}-${pin.maxLength}`);
    for (const certificate of token.certificates) {
      readers.push(`    certificate: ${certificate.role}${certificate.qualified ? ' (qualified)' : ''}, issuer "${certificate.issuerName}", ${certificate.validity}, ${certificate.keyAlgorithm}${certificate.keyBits ? ` ${certificate.keyBits}` : ''}, key ${certificate.keyPresence}`);
    }
  }
  if (view.pkcs12.length > 0) readers.push(`PKCS#12 identities opened: ${view.pkcs12.map((identity) => `issuer "${identity.certificate.issuerName}"`).join(', ')}`);
  return { modules, readers };
}

function withoutNames(label: string, names: readonly string[]): string {
  let shown = label;
  for (const name of [...names].sort((a, b) => b.length - a.length)) shown = shown.replace(new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '[holder]');
  return shown;
}
