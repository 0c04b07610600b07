const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "medium" });

export const shortTime = (iso: string): string => timeFormat.format(new Date(iso));
export const fullTime = (iso: string): string => fullFormat.format(new Date(iso));
