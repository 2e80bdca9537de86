/**
 * Rendering of the event detail's translatable text (physics/detail.ts `TextLine`: a key and raw
 * parameters): story sentences, truth-table labels and text values, in the reader's language.
 *
 * The locale strings format their numbers themselves with the formatters registered here, so a
 * translation keeps the digits of the original: `{{photonGeV, f1}}` → "12.3" (en), "12,3" (fr).
 *   f0 … f3   fixed decimals in the locale's style (true minus sign, no grouping; '—' if not finite)
 *   e1 … e3   scientific, "1.2 × 10⁻⁵" with the locale's decimal separator
 *   num       a plain number: up to 6 decimals, scientific (3 digits) below 1e-3 or from 1e6 on
 *   particle  a particle kind of the physics core ('pi-') → its symbol or name (`particles.pi-`)
 *   particles a space-separated list of particle kinds ('mu- nu') → 'μ⁻ ν'
 * This module has no DOM or store dependency: the app's instance (i18n/index.ts) and a standalone
 * English instance (`englishStory`, for exported files and tests) both use it.
 */
import { createInstance, type i18n as I18n, type TFunction } from 'i18next';
import type { TextLine, TruthValue } from '../physics/detail';
import { superscript } from '../ui/plots/format';
import en from './locales/en.json';

const nfCache = new Map<string, Intl.NumberFormat>();
function nf(lng: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lng}|${JSON.stringify(opts)}`;
  let f = nfCache.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(lng, opts);
    } catch {
      f = new Intl.NumberFormat('en', opts);
    }
    nfCache.set(key, f);
  }
  return f;
}

const minus = (s: string) => s.replace(/-/g, '−');

/** `v` with exactly `d` decimals in the style of `lng`. */
function fixedText(v: number, d: number, lng: string): string {
  if (!Number.isFinite(v)) return '—';
  return minus(nf(lng, { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: false }).format(v));
}

/** `v` in scientific notation with `d` decimals of the mantissa: 1.2 × 10⁻⁵. */
function sciText(v: number, d: number, lng: string): string {
  if (!Number.isFinite(v)) return '—';
  if (v === 0) return fixedText(0, d, lng);
  const [m, e] = v.toExponential(d).split('e');
  const exp = Number(e);
  const mant = fixedText(Number(m), d, lng);
  if (exp === 0) return mant;
  return `${mant} × 10${superscript(exp)}`;
}

/** A plain number: up to 6 decimals, scientific with 3 significant digits when tiny or huge. */
export function numberText(v: number, lng: string): string {
  if (!Number.isFinite(v)) return '—';
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6)) return sciText(v, 2, lng);
  return minus(nf(lng, { maximumFractionDigits: 6, useGrouping: false }).format(v));
}

const asNumber = (v: unknown) => (typeof v === 'number' ? v : Number(v));

/** Register the number and particle formatters on an i18next instance (after its init). */
export function addEventFormatters(inst: I18n): void {
  const f = inst.services.formatter;
  if (!f) return;
  for (const d of [0, 1, 2, 3]) f.add(`f${d}`, (v, lng) => fixedText(asNumber(v), d, lng ?? 'en'));
  for (const d of [1, 2, 3]) f.add(`e${d}`, (v, lng) => sciText(asNumber(v), d, lng ?? 'en'));
  f.add('num', (v, lng) => numberText(asNumber(v), lng ?? 'en'));
  const particle = (kind: string, lng: string | undefined) => inst.t(`particles.${kind}`, { lng, defaultValue: kind });
  f.add('particle', (v, lng) => particle(String(v), lng));
  f.add('particles', (v, lng) =>
    String(v)
      .split(' ')
      .filter(Boolean)
      .map((k) => particle(k, lng))
      .join(' '),
  );
}

/** One translatable line in the language of `t` (an unknown key shows its `text` parameter or the key). */
export function lineText(t: TFunction, line: TextLine): string {
  const fallback = typeof line.params?.text === 'string' ? line.params.text : line.key;
  return t(line.key, { replace: line.params ?? {}, defaultValue: fallback }) as string;
}

/** The story as one paragraph. */
export function storyText(t: TFunction, story: readonly TextLine[]): string {
  return story.map((l) => lineText(t, l)).join(' ');
}

/** Label of a truth key (a key from an older exported file is its own label). */
export function truthLabel(t: TFunction, key: string): string {
  return t(`truth.${key}`, { defaultValue: key }) as string;
}

const isLine = (v: unknown): v is TextLine => typeof v === 'object' && v !== null && typeof (v as TextLine).key === 'string';

/** A truth value as text: numbers in the locale's style, text lines translated, lists joined by '; '. */
export function truthValueText(t: TFunction, lng: string, v: TruthValue): string {
  if (typeof v === 'number') return numberText(v, lng);
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((l) => lineText(t, l)).join('; ');
  return isLine(v) ? lineText(t, v) : String(v);
}

let english: I18n | null = null;
/** A standalone English instance (no store, no React): exported files and tests. */
function englishInstance(): I18n {
  if (!english) {
    english = createInstance();
    void english.init({
      resources: { en: { translation: en } },
      lng: 'en',
      interpolation: { escapeValue: false },
      initAsync: false,
      showSupportNotice: false,
    });
    addEventFormatters(english);
  }
  return english;
}

/** The story in English (exported files, tests). */
export function englishStory(story: readonly TextLine[]): string {
  return storyText(englishInstance().t, story);
}

/** Every translation key a text value refers to (for tests). */
export function truthLines(v: TruthValue): TextLine[] {
  if (Array.isArray(v)) return v;
  return isLine(v) ? [v] : [];
}
