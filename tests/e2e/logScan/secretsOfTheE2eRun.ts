import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { demoPersons } from '../../../src-sandbox/data/persons';
import { VIRTUAL_CARD_PIN, VIRTUAL_CARD_PUK } from '../../../tools/devhost/setUpVirtualCard';
import { E2E_PASSPHRASE } from '../createVault';
import type { Secret } from './findSecretsInLogs';

const E2E_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/**
 * What must never reach a log file in the e2e run: each demo person's name, matricule, SSN (their certificates'
 * serialNumber), e-mail and phone; and every PIN, PUK and passphrase the journeys type, read from the specs' own
 * constants and fill() calls so that a new journey's secrets are covered without editing this list.
 */
export function secretsOfTheE2eRun(): Secret[] {
  const secrets: Secret[] = [];
  for (const person of demoPersons) {
    secrets.push(
      { what: `the name of ${person.id}`, value: `${person.givenName} ${person.surname}` },
      { what: `the surname of ${person.id}`, value: person.surname },
      { what: `the matricule of ${person.id}`, value: person.matricule },
      { what: `the SSN of ${person.id}`, value: person.ssn },
      { what: `the e-mail of ${person.id}`, value: person.email },
      { what: `the phone of ${person.id}`, value: person.phone },
    );
  }
  secrets.push({ what: 'the e2e passphrase', value: E2E_PASSPHRASE }, { what: 'the virtual card PIN', value: VIRTUAL_CARD_PIN }, { what: 'the virtual card PUK', value: VIRTUAL_CARD_PUK });
  const typed = /(?:PIN|PUK|PASSPHRASE)\w* = '([^']{4,})'|pin: '([^']{4,})'|createVault\(\w+, '([^']{4,})'\)|fill\('([^']{6,})'\)/g;
  for (const name of readdirSync(E2E_DIR).filter((file) => file.endsWith('.ts'))) {
    const source = readFileSync(path.join(E2E_DIR, name), 'utf8');
    for (const match of source.matchAll(typed)) {
      const value = match.slice(1).find((group) => group !== undefined);
      if (value) secrets.push({ what: `a value typed in ${name}`, value });
    }
  }
  // One entry per value: the message names the first place it came from.
  return [...new Map(secrets.map((secret) => [secret.value, secret])).values()];
}
