/**
 * Number formatting and parsing for the plot panels. Pure functions (no DOM), safe in tests.
 *
 * Counts are grouped in threes with thin spaces (SI style: 12 345 678); weighted numbers get three
 * significant figures; large numbers of particles on target read 9.37 × 10¹¹.
 *
 * Every formatter takes an optional `locale` (BCP 47, e.g. 'fr'): with it, digit grouping and the
 * decimal separator follow that locale (Intl.NumberFormat: 12,345.6 in en, 12 345,6 in fr,
 * 12.345,6 in de and it); without it, the locale-neutral SI style above is used.
 */

const nfCache = new Map<string, Intl.NumberFormat>();

/** A cached Intl.NumberFormat (constructing one costs far more than formatting with it). */
function nf(locale: string, decimals: number | null, percent = false): Intl.NumberFormat {
  const key = `${locale}|${decimals}|${percent}`;
  let f = nfCache.get(key);
  if (!f) {
    let opts: Intl.NumberFormatOptions = { signDisplay: 'negative' };
    if (decimals !== null) opts = { ...opts, minimumFractionDigits: decimals, maximumFractionDigits: decimals };
    else opts = { ...opts, maximumFractionDigits: 0 };
    if (percent) opts = { ...opts, style: 'percent' };
    try {
      f = new Intl.NumberFormat(locale, opts);
    } catch {
      f = new Intl.NumberFormat('en', opts);
    }
    nfCache.set(key, f);
  }
  return f;
}

/** `v` with exactly `decimals` decimals in the locale's style; a true minus sign (U+2212). */
function fixedLocale(v: number, decimals: number, locale: string): string {
  return nf(locale, decimals).format(v).replace(/-/g, '−');
}

/** The decimal separator of a locale ('.' or ','). */
export function decimalSeparator(locale: string): string {
  return nf(locale, 1).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/** Replace the '.' of a plain number string by the locale's decimal separator. */
const withDecimal = (s: string, locale?: string) => (locale ? s.replace('.', decimalSeparator(locale)) : s);

/** Thin space used between digit groups. */
export const THIN_SPACE = '\u2009';

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
};

/** Superscript digits for an integer exponent: 11 → '¹¹'. */
export function superscript(n: number): string {
  return String(n)
    .split('')
    .map((ch) => SUPERSCRIPT[ch] ?? ch)
    .join('');
}

/** Group the digits of an integer string in threes with thin spaces ('1234567' → '1 234 567'). */
function groupDigits(intDigits: string): string {
  if (intDigits.length <= 4) return intDigits; // 1234 stays compact (SI allows it for 4 digits)
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, THIN_SPACE);
}

/** An integer count with thin-space grouping: 123456 → '123 456' (or per `locale`). Non-finite → '—'. */
export function formatCount(n: number, locale?: string): string {
  if (!Number.isFinite(n)) return '—';
  const r = Math.round(n);
  if (locale) return nf(locale, null).format(r).replace(/-/g, '−');
  const s = groupDigits(String(Math.abs(r)));
  return r < 0 ? `−${s}` : s;
}

/**
 * Scientific notation with a superscript exponent: 9.37e11 → '9.37 × 10¹¹'. Numbers in
 * [1e-3, 1e5) are written plainly (with `digits` significant figures).
 */
export function formatSci(v: number, digits = 3, locale?: string): string {
  if (!Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return formatSig(v, digits, locale);
  const exp = Math.floor(Math.log10(a));
  let mant = v / 10 ** exp;
  // rounding can push 9.999 to 10.0
  if (Math.abs(Number(mant.toPrecision(digits))) >= 10) {
    mant /= 10;
    return `${withDecimal(trimZeros(mant.toPrecision(digits)), locale)} × 10${superscript(exp + 1)}`;
  }
  return `${withDecimal(trimZeros(mant.toPrecision(digits)), locale)} × 10${superscript(exp)}`;
}

/**
 * Engineering notation (exponent a multiple of 3): 9.37e11 → '937 × 10⁹'. Numbers in [1, 1e3)
 * have no exponent.
 */
export function formatEng(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  let exp = Math.floor(Math.log10(a) / 3) * 3;
  let mant = v / 10 ** exp;
  if (Math.abs(Number(mant.toPrecision(digits))) >= 1000) {
    exp += 3;
    mant /= 1000;
  }
  const m = trimZeros(mant.toPrecision(digits));
  return exp === 0 ? m : `${m} × 10${superscript(exp)}`;
}

/** Plain number with `digits` significant figures, no exponent for moderate values: 0.4213 → '0.421'. */
export function formatSig(v: number, digits = 3, locale?: string): string {
  if (!Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e5) return formatSci(v, digits, locale);
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(a)));
  if (locale) return fixedLocale(v, decimals, locale);
  const s = v.toFixed(decimals);
  const [i, f] = s.replace('-', '').split('.');
  const body = f !== undefined ? `${groupDigits(i)}.${f}` : groupDigits(i);
  return v < 0 ? `−${body}` : body;
}

/** A weighted (possibly fractional) number: 3 significant figures, scientific when tiny or huge. */
export const formatWeighted = (v: number, locale?: string): string => formatSig(v, 3, locale);

/**
 * Value ± error with the error rounded to two significant figures and the value to the same
 * decimal place: (0.5123, 0.1289) → '0.51 ± 0.13'. Very large or small values switch to a common
 * power of ten: '(1.23 ± 0.05) × 10⁶'.
 */
export function formatValueError(value: number, error: number, locale?: string): string {
  if (!Number.isFinite(value)) return '—';
  if (!Number.isFinite(error) || error <= 0) return `${formatSig(value, 3, locale)} ± 0`;
  const ref = Math.max(Math.abs(value), error);
  if (ref >= 1e5 || ref < 1e-3) {
    const exp = Math.floor(Math.log10(ref));
    const inner = formatValueError(value / 10 ** exp, error / 10 ** exp, locale);
    return `(${inner}) × 10${superscript(exp)}`;
  }
  const errExp = Math.floor(Math.log10(error));
  const decimals = Math.max(0, 1 - errExp);
  const fmt = (x: number) => {
    if (locale) return fixedLocale(x, decimals, locale);
    const s = x.toFixed(decimals);
    const neg = s.startsWith('-');
    const [i, f] = s.replace('-', '').split('.');
    const body = f !== undefined ? `${groupDigits(i)}.${f}` : groupDigits(i);
    return neg && Number(s) !== 0 ? `−${body}` : body;
  };
  return `${fmt(value)} ± ${fmt(error)}`;
}

/** Energy in GeV with a precision suited to the magnitude: 0.0432 → '0.043', 49.87 → '49.9'. */
export function formatGeV(v: number, locale?: string): string {
  if (!Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const decimals = a < 1 ? 3 : a < 10 ? 2 : a < 1000 ? 1 : 0;
  if (locale) return fixedLocale(v, decimals, locale);
  return v.toFixed(decimals).replace('-', '−');
}

/** A box edge value for an input field: at most 4 decimals, trailing zeros dropped. */
export function formatEdge(v: number): string {
  if (!Number.isFinite(v)) return '';
  return String(Number(v.toFixed(4)));
}

/** A fraction as a percentage: 0.5123 → '51.2 %'. */
export function formatPercent(f: number, locale?: string): string {
  if (!Number.isFinite(f)) return '—';
  const p = f * 100;
  const decimals = p === 0 || p >= 10 ? 1 : p >= 0.1 ? 2 : 3;
  if (locale) return nf(locale, decimals, true).format(f).replace(/-/g, '−');
  return `${p.toFixed(decimals)}${THIN_SPACE}%`;
}

function trimZeros(s: string): string {
  return s.includes('.') && !s.includes('e') ? s.replace(/\.?0+$/, '') : s;
}

const SUPER_TO_DIGIT: Record<string, string> = Object.fromEntries(
  Object.entries(SUPERSCRIPT).map(([d, s]) => [s, d]),
);

/**
 * Parse a user-typed number. Accepts '9.37e11', '9.37E+11', '9.37 × 10¹¹', '9.37x10^11',
 * '9.37*10**11', '937 000 000 000' (spaces, thin spaces and underscores as group separators),
 * a leading '−' (U+2212) and a decimal comma when no dot is present. Returns NaN when the text is
 * not a number.
 */
export function parseNumber(text: string): number {
  let s = text.trim();
  if (s === '') return NaN;
  s = s.replace(/[\s\u2009\u202f\u00a0_]/g, '').replace(/\u2212/g, '-');
  if (!s.includes('.') && /^-?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  // a×10^b, a*10**b, a·10^b, a×10¹¹
  const m = /^([-+]?(?:\d+\.?\d*|\.\d+))(?:[x×*·]10(?:\^|\*\*)?([-+]?\d+|[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?$/i.exec(s);
  if (m) {
    const mant = Number(m[1]);
    if (m[2] === undefined) return mant;
    const exp = Number(
      m[2]
        .split('')
        .map((ch) => SUPER_TO_DIGIT[ch] ?? ch)
        .join(''),
    );
    return Number.isFinite(exp) && Number.isFinite(mant) ? Number(`${m[1]}e${exp}`) : NaN;
  }
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i.test(s)) return NaN;
  return Number(s);
}
