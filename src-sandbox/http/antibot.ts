import { randomInt, timingSafeEqual } from 'node:crypto';
import { token } from '../data/ids';
import { text, type LocalizedText } from '../data/localized';
import { Problem } from './problem';

/** How long a question may be answered: long enough to read it, short enough that a harvested one goes stale. */
export const ANTIBOT_TTL_MS = 5 * 60_000;
/** Wrong answers a question takes before it is spent (the person then gets a new question). */
export const ANTIBOT_MAX_ATTEMPTS = 3;
/** Questions kept open at once: the route is unauthenticated, so the oldest go first rather than memory growing. */
const MAX_OPEN = 10_000;

interface Open {
  answer: string;
  expiresAt: number;
  attemptsLeft: number;
}

export interface AntibotQuestion {
  challengeId: string;
  question: LocalizedText;
  expiresAt: number;
  attemptsLeft: number;
}

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I/O: they read as 1/0
const NUMBER_WORDS: Record<'de' | 'fr' | 'en', string[]> = {
  de: ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'],
  fr: ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
};

/** Answers compare without case, spaces or separators: "k f-r" is "KFR", " 12 " is "12". */
export function normaliseAnswer(answer: string): string {
  return answer.normalize('NFKC').replace(/[\s,.;:_-]+/g, '').toUpperCase();
}

/**
 * The anti-bot question of procedures without authentication (the platform's CAPTCHA / security question): the
 * sandbox serves a small question in de/fr/en and checks the answer itself, so that no answer is ever decided by the
 * client. Each question is good for one correct answer, a few wrong ones, and a few minutes. Kept in memory, as the
 * login challenges are: a restarted authority asks again.
 */
export class Antibot {
  private readonly open = new Map<string, Open>();

  constructor(private readonly now: () => number = Date.now) {}

  create(): AntibotQuestion {
    this.sweep();
    while (this.open.size >= MAX_OPEN) this.open.delete(this.open.keys().next().value!);
    const { question, answer } = randomInt(2) === 0 ? arithmetic() : letters();
    const challengeId = token(24);
    const expiresAt = this.now() + ANTIBOT_TTL_MS;
    this.open.set(challengeId, { answer, expiresAt, attemptsLeft: ANTIBOT_MAX_ATTEMPTS });
    return { challengeId, question, expiresAt, attemptsLeft: ANTIBOT_MAX_ATTEMPTS };
  }

  /** The expected answer (operator API: tests and demos play the human). */
  answerOf(challengeId: string): string | undefined {
    return this.open.get(challengeId)?.answer;
  }

  /**
   * Checks an answer. Right: the question is spent (one use). Wrong: 422 antibot-failed with the attempts left, the
   * question spent at the last one. Unknown, spent or expired: 401 antibot-challenge-invalid (ask for a new one).
   */
  check(challengeId: string, answer: string): void {
    const entry = this.open.get(challengeId);
    if (!entry || entry.expiresAt <= this.now()) {
      this.open.delete(challengeId);
      throw new Problem(401, 'antibot-challenge-invalid', 'Question invalid', 'The anti-bot question is unknown, answered already or expired: ask for a new one.');
    }
    const given = Buffer.from(normaliseAnswer(answer));
    const expected = Buffer.from(entry.answer);
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      this.open.delete(challengeId);
      return;
    }
    entry.attemptsLeft -= 1;
    if (entry.attemptsLeft <= 0) this.open.delete(challengeId);
    throw new Problem(
      422,
      'antibot-failed',
      'Wrong answer',
      entry.attemptsLeft > 0
        ? `The answer to the anti-bot question is wrong; ${entry.attemptsLeft} attempt(s) left.`
        : 'The answer to the anti-bot question is wrong and no attempt is left: ask for a new question.',
      { attemptsLeft: entry.attemptsLeft },
    );
  }

  clear(): void {
    this.open.clear();
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.open) if (entry.expiresAt <= now) this.open.delete(id);
  }
}

/** "How much is seven plus 5?": one operand in words, so that the question is not a bare expression. */
function arithmetic(): { question: LocalizedText; answer: string } {
  const a = randomInt(1, 10);
  const b = randomInt(1, 10);
  return {
    question: text(
      `Wie viel ist ${NUMBER_WORDS.de[a]} plus ${b}? Antworten Sie mit Ziffern.`,
      `Combien font ${NUMBER_WORDS.fr[a]} plus ${b} ? Répondez en chiffres.`,
      `How much is ${NUMBER_WORDS.en[a]} plus ${b}? Answer in digits.`,
    ),
    answer: String(a + b),
  };
}

function letters(): { question: LocalizedText; answer: string } {
  const picked = Array.from({ length: 5 }, () => LETTERS[randomInt(LETTERS.length)]!);
  const shown = picked.join(' ');
  return {
    question: text(
      `Tippen Sie die Buchstaben ${shown} ohne Leerzeichen ein.`,
      `Tapez les lettres ${shown} sans espaces.`,
      `Type the letters ${shown} without spaces.`,
    ),
    answer: picked.join(''),
  };
}
