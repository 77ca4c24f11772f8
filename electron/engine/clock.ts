// What time it is, as a service the host passes in: the change log, revisions and (soon) reporting
// dates read it from here, so a test or a host can fix the time instead of the machine's clock.
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
