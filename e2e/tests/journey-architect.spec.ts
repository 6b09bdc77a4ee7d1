import { expect, test } from './fixtures.js';
import { readmeShot, shot } from './screenshots.js';

test('architect checks an upgrade from v1.35 to v1.36 and follows a finding to its field', async ({ page, designer }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await designer.openFromTemplate(/HA: 3 control planes/);

  await test.step('set the RKE2 version the cluster runs today: v1.35', async () => {
    await designer.goToSection('Cluster');
    await page.getByRole('combobox', { name: 'RKE2 version' }).selectOption('v1.35');
    await expect(page.getByRole('combobox', { name: 'RKE2 version' })).toHaveValue('v1.35');
  });

  await test.step('the cluster runs ingress-nginx, as clusters made before v1.36 did by default', async () => {
    await designer.goToSection('Network & proxy');
    await page.getByRole('combobox', { name: 'Ingress controller' }).selectOption('ingress-nginx');
  });

  const view = page.getByRole('tabpanel', { name: 'Upgrade view' });
  await test.step('open the Upgrade view: from v1.35, the next version is offered', async () => {
    await designer.goToSection('Upgrade view');
    await expect(view.getByText('The site runs RKE2 v1.35.')).toBeVisible();
    await expect(view.getByRole('combobox', { name: 'Upgrade to' })).toHaveValue('v1.36');
    await expect(view.getByRole('combobox', { name: 'Upgrade to' }).getByRole('option')).toHaveText(['v1.36']);
  });

  const findings = view.getByRole('region', { name: /What changes for this design/ });
  await test.step('read the findings: ingress-nginx retirement and the server-first order, with their sources', async () => {
    const nginx = findings.getByRole('listitem').filter({ hasText: 'This site runs ingress-nginx' });
    await expect(nginx).toContainText('Check');
    await expect(nginx.getByRole('link', { name: 'RKE2 docs: Ingress NGINX to Traefik Migration Guide' })).toHaveAttribute(
      'href',
      'https://docs.rke2.io/reference/ingress_migration',
    );
    await expect(findings.getByRole('listitem').filter({ hasText: 'Upgrade the server nodes first' })).toContainText(
      '(cp-1, cp-2, cp-3); then the agents (worker-1, worker-2)',
    );
    const unchanged = view.getByRole('region', { name: 'Checked: nothing to change' });
    await expect(unchanged).toContainText('This design names its controller ("ingress-nginx") on every server');
    await shot(page, testInfo, 'upgrade-1280');
    // The preview's diff of the last edit beside the view (a code listing would make the PNG too large for the README).
    await page.getByRole('tab', { name: 'Diff', exact: true }).click();
    await readmeShot(page, testInfo, 'upgrade-view');
  });

  await test.step('the view reads at 800 px and at 1,440 px wide', async () => {
    for (const width of [800, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await expect(findings).toBeVisible();
      await shot(page, testInfo, `upgrade-${width}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await test.step('a skipped minor is named: from v1.34 the way to v1.36 goes through v1.35', async () => {
    await designer.goToSection('Cluster');
    await page.getByRole('combobox', { name: 'RKE2 version' }).selectOption('v1.34');
    await designer.goToSection('Upgrade view');
    await view.getByRole('combobox', { name: 'Upgrade to' }).selectOption('v1.36');
    await expect(view.getByText('Way: v1.34 → v1.35 → v1.36')).toBeVisible();
    await expect(findings).toContainText('RKE2 upgrades one minor version at a time');
    await expect(findings).toContainText('cgroup v2');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(view.getByText('The site runs RKE2 v1.35.')).toBeVisible();
  });

  await test.step('follow the ingress finding to its field', async () => {
    const nginx = findings.getByRole('listitem').filter({ hasText: 'This site runs ingress-nginx' });
    await nginx.getByRole('button', { name: 'Open Network & proxy' }).click();
    await expect(page.getByRole('tab', { name: 'Network & proxy', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('combobox', { name: 'Ingress controller' })).toBeFocused();
  });

  await test.step('apply the version change with the keyboard, and undo it', async () => {
    await designer.goToSection('Upgrade view');
    const apply = view.getByRole('button', { name: 'Set the site to v1.36' });
    await apply.focus();
    await page.keyboard.press('Enter');
    await expect(view.getByText('there is no later version to check')).toBeVisible();
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(view.getByText('The site runs RKE2 v1.35.')).toBeVisible();
  });
});
