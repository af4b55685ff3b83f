// Times in the house style of the GTM minutes: « 9h30 », « 9h00 », a range « 9h30 – 11h20 ».
import type { TimeOfDay } from '../calendar.js';

export function formatTime(time: TimeOfDay): string {
  return `${time.hour}h${String(time.minute).padStart(2, '0')}`;
}

/** « 9h30 – 11h20 »; the start alone when the end is unknown. */
export function formatTimeRange(start: TimeOfDay, end?: TimeOfDay): string {
  return end ? `${formatTime(start)} – ${formatTime(end)}` : formatTime(start);
}
