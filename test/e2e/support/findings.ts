// Locators of the findings UI that several e2e files read: the status bar's counts and the panel.
import type { Page } from 'playwright-core';

/** The status bar's count of findings of one severity ("error", "warning", "info"). */
export const statusCount = (page: Page, severity: string) => page.locator(`[data-testid="findings-status"] [data-count="${severity}"]`).textContent();

/** The findings panel. */
export const findingsPanel = (page: Page) => page.locator('aside.pd-findings');
