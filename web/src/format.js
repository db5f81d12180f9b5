// Display formats of the original report (dashboard.md "Formats") for the
// values the API sends unformatted: numbers, money, runtimes, dates, blanks.
// Labels the API writes itself (type_label, change_text, time_left, an
// episode's type_label) are shown as sent and never derived here
// (docs/dashboard-api.md "Who formats what").
// Pure functions: unit-tested by test/dashboard/format.test.mjs.

export const BLANK = '-';

const isNum = (v) => typeof v === 'number' && Number.isFinite(v);

// 1250 -> "1.3K", 1_300_000 -> "1.3M", 2.1e9 -> "2.1B"; under 1000 as is.
export function compact(v) {
  if (!isNum(v)) return BLANK;
  const a = Math.abs(v);
  const sign = v < 0 ? '-' : '';
  if (a >= 1e9) return `${sign}${(a / 1e9).toFixed(1)}B`;
  if (a >= 1e6) return `${sign}${(a / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${sign}${(a / 1e3).toFixed(1)}K`;
  return `${sign}${Math.round(a)}`;
}

// 58_600_000 -> "$58.6M"
export function money(v) {
  if (!isNum(v)) return BLANK;
  const c = compact(v);
  return c.startsWith('-') ? `-$${c.slice(1)}` : `$${c}`;
}

// 109 -> "1h 49m", 35 -> "35m", 120 -> "2h"
export function runtime(minutes) {
  if (!isNum(minutes) || minutes < 0) return BLANK;
  const m = Math.round(minutes);
  const hrs = Math.floor(m / 60);
  const rest = m % 60;
  if (hrs === 0) return `${rest}m`;
  return rest === 0 ? `${hrs}h` : `${hrs}h ${rest}m`;
}

export function rating(v, digits = 1) {
  return isNum(v) ? v.toFixed(digits) : BLANK;
}

// "7.50/10"
export function ratingOutOf10(v) {
  return isNum(v) ? `${v.toFixed(2)}/10` : BLANK;
}

// ROI 0.07 -> "7.0%", -0.07 -> "-7.0%"
export function percent(v) {
  return isNum(v) ? `${(v * 100).toFixed(1)}%` : BLANK;
}

// "2026-02-23" -> the viewer's locale ("23/02/2026" in en-GB); blank -> "-".
export function date(iso, locale) {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return BLANK;
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.toLocaleDateString(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
}

// Long, for headings: "23 February 2026" style in the viewer's locale.
export function longDate(iso, locale) {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return BLANK;
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(locale, {
    timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric',
  });
}

// Overviews longer than 300 characters are cut with "..".
export function cut(text, max = 300) {
  if (typeof text !== 'string' || text === '') return BLANK;
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max).join('').trimEnd()}..` : text;
}

export function text(v) {
  if (v === null || v === undefined || v === '') return BLANK;
  return String(v);
}

export function list(v, sep = ', ') {
  return Array.isArray(v) && v.length ? v.join(sep) : BLANK;
}
