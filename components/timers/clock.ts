/** Formats a whole number in the user's locale, zero-padded to `digits`. */
export type DigitFormat = (value: number, digits: number) => string;

/** "12:05" under an hour, "1:02:05" from an hour: the digits of a running timer. */
export function clockText(totalSeconds: number, digits: DigitFormat): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  return hours > 0 ? `${digits(hours, 1)}:${digits(minutes, 2)}:${digits(seconds, 2)}` : `${digits(minutes, 2)}:${digits(seconds, 2)}`;
}

/** Machine-readable duration for <time dateTime>: "PT1H2M5S". */
export function isoDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  return `PT${Math.floor(s / 3600)}H${Math.floor((s % 3600) / 60)}M${s % 60}S`;
}
