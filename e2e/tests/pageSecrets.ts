/** What a projector could show: for checking that secrets stay off the page (presentation mode). */
import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';

/**
 * Everything the page shows or carries: its visible text, every attribute (the viewers' data-text
 * holds the Monaco model's whole text) and every field value, except the form's own masked secret
 * fields (drawn as dots, as they are outside presentation mode too).
 */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      if (element.matches('input.masked, textarea.masked')) continue;
      for (const attribute of Array.from(element.attributes)) parts.push(attribute.value);
      if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) parts.push(element.value);
    }
    return parts.join('\n');
  });
}

/** Fails when the page shows or carries any of `secrets`. */
export async function expectHidden(page: Page, ...secrets: string[]): Promise<void> {
  const text = await pageText(page);
  for (const secret of secrets) expect(text.includes(secret), `the page shows ${secret}`).toBe(false);
}
