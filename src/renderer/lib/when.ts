/** One way to write a run's time on every screen: the date and the time to the second, in the user's locale. */
export const when = (iso: string): string => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
