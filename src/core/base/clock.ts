/** Time is injected everywhere so a test can run a flow "an hour later" and see expiry. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface ManualClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function manualClock(start: Date | string): ManualClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (at) => {
      t = new Date(at).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/** A clock that starts at a chosen time and runs at the real pace from there (a scenario's clock). */
export function offsetClock(start: Date | string): Clock {
  const offset = new Date(start).getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

export const MINUTE = 60_000;

export function addMs(d: Date, ms: number): Date {
  return new Date(d.getTime() + ms);
}

/** SAML xs:dateTime in UTC with milliseconds, as Entra writes it (2015-05-22T17:19:18.637Z). */
export function samlInstant(d: Date): string {
  return d.toISOString();
}
