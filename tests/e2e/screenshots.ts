import type { Page } from '@playwright/test';

const LANGUAGES = ['de', 'fr', 'en'] as const;

/**
 * Screenshots of the current screen for a person to look at (test-results/screens, never tracked): in German, French
 * and English, at 1280 px and at 200% zoom (a window of 1280 device pixels showing 640 CSS pixels). The language
 * switcher in the header is used, as a person would; the page ends in English at 1280 px.
 */
export async function shootInEveryLanguage(page: Page, name: string, prepare?: () => Promise<void>): Promise<void> {
  for (const language of LANGUAGES) {
    await page.locator(`.language-switcher__option[lang="${language}"]`).click();
    await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
    await prepare?.();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: `test-results/screens/${name}-${language}-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 640, height: 400 });
    await page.screenshot({ path: `test-results/screens/${name}-${language}-200.png`, fullPage: true });
  }
  await page.locator('.language-switcher__option[lang="en"]').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.setViewportSize({ width: 1280, height: 800 });
}
