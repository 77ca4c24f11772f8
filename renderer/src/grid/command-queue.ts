// One ordered queue of engine commands for an editor: each runs after the one before has landed.
// In browser mode each command is its own HTTP request, so two quick edits sent side by side could
// reach the engine in the other order; the plan grid, the allocation view and the disbursement grid
// each send their edits through one of these.
export class CommandQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `fn` after every command queued before it, whether those succeeded or failed. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every command sent so far has been answered. */
  idle(): Promise<unknown> {
    return this.tail;
  }
}
