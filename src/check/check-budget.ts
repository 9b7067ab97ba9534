// How long one check may take, and the error a text past it gets. Apart from check-text.ts so
// the server's main thread, which only hands texts to the check workers, need not load the checker.
import { PactwatchError } from '../domain/errors.ts';

/** How long one check may take in all. */
export const CHECK_BUDGET_MS = 20_000;

/** The error for a text that takes longer than the budget to check. */
export const overBudget = (budgetMs: number) =>
  new PactwatchError('payload_too_large', `The text took longer than ${Math.round(budgetMs / 1000)} s to check; check it in parts.`, 413);
