/**
 * The sales engineer's journey on a projector: presentation mode on, then the secure-edge story
 * (harden the HA site, the Compliance view and one of its lines in the preview), the Failure view
 * (one server lost, then two), and the printed evidence page; the cluster token never on screen.
 * The README's pictures of the two views come from here, taken with presentation mode on.
 */
import { expect, seriousAxeViolations, test } from './fixtures.js';
import { expectHidden } from './pageSecrets.js';
import { readmeShot, shot } from './screenshots.js';

test('a sales engineer demos the secure edge site: presentation mode, compliance and failure views, the evidence page', async ({
  page,
  designer,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  let token = '';

  await test.step('open the HA template (3 control planes behind a kube-vip VIP, 2 workers)', async () => {
    await designer.openFromTemplate(/HA: 3 control planes/);
    token = await page.getByLabel('Cluster token').inputValue();
    expect(token.length).toBeGreaterThanOrEqual(16);
  });

  await test.step('turn on presentation mode before the projector shows anything else', async () => {
    const toggle = page.getByRole('button', { name: 'Presentation mode' });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(designer.shownFile()).toHaveAttribute('data-text', /cluster_token: MASKED-BY-PRESENTATION-MODE/);
    await expectHidden(page, token);
  });

  await test.step('harden the site in Security: CIS profile, secretbox, restricted Pod Security', async () => {
    await designer.goToSection('Security');
    await page.getByRole('checkbox', { name: 'CIS hardening profile' }).check();
    await page.getByRole('combobox', { name: 'Secrets encryption' }).selectOption('secretbox');
    await page.getByRole('combobox', { name: /^Pod Security/ }).selectOption('restricted');
    await expect(designer.shownFile()).toHaveAttribute('data-text', /profile: cis/);
  });

  const compliance = page.locator('.compliance-view');
  await test.step('open the Compliance view: what each control enforces, and the lines that do it', async () => {
    await designer.goToSection('Compliance view');
    await expect(compliance.getByText('3 of 5 controls on')).toBeVisible();
    const cis = compliance.getByRole('region', { name: 'CIS hardening profile' });
    await expect(cis.getByText('On', { exact: true })).toBeVisible();
    await expect(compliance.getByRole('region', { name: 'Pod Security admission' }).locator('.control-state')).toHaveText('restricted');
    await expect(compliance.getByRole('region', { name: 'FIPS 140 mode' }).getByText('Off', { exact: true })).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  await test.step('follow the `profile: cis` line into the preview', async () => {
    const cis = compliance.getByRole('region', { name: 'CIS hardening profile' });
    const link = cis.getByRole('button', { name: /^Show user-data line \d+: profile: cis$/ });
    const line = Number(/line (\d+)/.exec((await link.getAttribute('aria-label'))!)![1]);
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Showing line' })).toHaveText(`Showing line ${line} of user-data`);
    const text = (await designer.shownFile().getAttribute('data-text'))!;
    expect(text.split('\n')[line - 1]).toBe('    profile: cis');
    await expect(page.locator('.monaco-host .revealed-line')).toBeVisible();
    await expectHidden(page, token);
    await readmeShot(page, testInfo, 'compliance-view');
  });

  const verdict = page.getByRole('region', { name: /^(Verdict|Nothing marked)/ });
  await test.step('open the Failure view: the worst single failure is named before anything is marked', async () => {
    await designer.goToSection('Failure view');
    await expect(page.getByRole('heading', { name: /^Worst single failure: / })).toBeVisible();
  });

  await test.step('lose cp-2: etcd keeps quorum, the cluster is degraded', async () => {
    await page.getByRole('checkbox', { name: /^cp-2/ }).check();
    await expect(verdict.getByRole('heading')).toHaveText('Verdict: Degraded');
  });

  await test.step('lose cp-3 too: quorum is lost, the API stops, the picture says so', async () => {
    await page.getByRole('checkbox', { name: /^cp-3/ }).check();
    await expect(verdict.getByRole('heading')).toHaveText('Verdict: Down');
    await expect(page.getByRole('img', { name: /^Cluster picture:/ })).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await expectHidden(page, token);
    await page.getByRole('group', { name: 'Nodes that fail' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await readmeShot(page, testInfo, 'failure-view');
  });

  await test.step('print the evidence page from the Compliance view', async () => {
    await designer.goToSection('Compliance view');
    await compliance.getByRole('button', { name: 'Print evidence page…' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Security evidence: / })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Status of each control, per role' })).toBeVisible();
    await expectHidden(page, token);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
    await shot(page, testInfo, 'evidence-print', true);
    await page.emulateMedia({ media: 'screen' });
  });

  await test.step('back to the designer, still presenting', async () => {
    await page.getByRole('button', { name: 'Back to the designer' }).click();
    await expect(page.getByRole('button', { name: 'Presentation mode' })).toHaveAttribute('aria-pressed', 'true');
    await expectHidden(page, token);
  });
});
