// How many request-body bytes browser mode holds in memory at once, across all requests being
// received (issue 10: eight parallel 99 MB uploads took 1,12 GB). Each request takes bytes from the
// budget before it keeps them (its declared length up front, or chunk by chunk) and gives them back
// once its bytes have been handed on or dropped; a request that does not fit is refused at once.

export class BodyBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  /** Take `bytes` from the budget; false (nothing taken) when they do not fit. */
  take(bytes: number): boolean {
    if (!(bytes >= 0) || this.used + bytes > this.limit) return false;
    this.used += bytes;
    return true;
  }

  give(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }

  get inUse(): number {
    return this.used;
  }
}
