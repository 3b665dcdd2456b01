import { describe, expect, it } from 'vitest';
import { findSecretsInLogs } from '../../e2e/logScan/findSecretsInLogs';
import { secretsOfTheE2eRun } from '../../e2e/logScan/secretsOfTheE2eRun';

describe('findSecretsInLogs (the e2e run scan of the dev hosts logs)', () => {
  const secrets = [
    { what: 'the name', value: 'Anne Schmit' },
    { what: 'the PIN', value: '246810' },
  ];

  it('fails when no log file was written', () => {
    expect(findSecretsInLogs([], secrets)).toEqual(['no log file was written by the dev hosts of this run']);
  });

  it('names the file and the kind of secret found, never its value', () => {
    const findings = findSecretsInLogs(
      [
        { file: 'a/guichet.log.1', text: '{"event":"x","holder":"ANNE SCHMIT"}\n' },
        { file: 'b/guichet.log.1', text: '{"event":"pin","typed":"246810"}\n' },
        { file: 'c/guichet.log.1', text: '{"event":"clean","sizeBytes":12468105,"ms":246810999}\n' },
      ],
      secrets,
    );
    expect(findings).toEqual(['a/guichet.log.1 holds the name', 'b/guichet.log.1 holds the PIN']);
  });

  it('covers the demo persons and what the journeys type', () => {
    const values = secretsOfTheE2eRun().map((secret) => secret.value);
    expect(values).toEqual(expect.arrayContaining(['Anne Schmit', '1984031512389', 'correct horse battery staple', '123456', '246810', '135791', 'Luc’s own passphrase, a long one']));
  });
});
