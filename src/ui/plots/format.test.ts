import { describe, expect, it } from 'vitest';
import {
  THIN_SPACE,
  formatCount,
  formatEng,
  formatGeV,
  formatPercent,
  formatSci,
  formatValueError,
  parseNumber,
} from './format';

describe('format', () => {
  it('groups counts with thin spaces', () => {
    expect(formatCount(123456)).toBe(`123${THIN_SPACE}456`);
    expect(formatCount(1234)).toBe('1234');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(NaN)).toBe('—');
  });
  it('writes scientific and engineering notation', () => {
    expect(formatSci(9.37e11)).toBe('9.37 × 10¹¹');
    expect(formatSci(9.999e11)).toBe('1 × 10¹²');
    expect(formatSci(2.5e-5)).toBe('2.5 × 10⁻⁵');
    expect(formatEng(9.37e11)).toBe('937 × 10⁹');
    expect(formatEng(12)).toBe('12');
  });
  it('rounds value ± error to the error', () => {
    expect(formatValueError(0.5123, 0.1289)).toBe('0.51 ± 0.13');
    expect(formatValueError(26770000000, 490000000)).toBe('(2.677 ± 0.049) × 10¹⁰');
    expect(formatValueError(12.345, 1.5)).toBe('12.3 ± 1.5');
  });
  it('formats energies and percentages', () => {
    expect(formatGeV(0)).toBe('0');
    expect(formatGeV(0.0432)).toBe('0.043');
    expect(formatGeV(49.87)).toBe('49.9');
    expect(formatPercent(0.5123)).toBe(`51.2${THIN_SPACE}%`);
  });
  it('parses the ways people type large numbers', () => {
    expect(parseNumber('9.37e11')).toBe(9.37e11);
    expect(parseNumber(' 9.37E+11 ')).toBe(9.37e11);
    expect(parseNumber('9.37 × 10¹¹')).toBe(9.37e11);
    expect(parseNumber('9.37x10^11')).toBe(9.37e11);
    expect(parseNumber('937 000 000 000')).toBe(9.37e11);
    expect(parseNumber('−3')).toBe(-3);
    expect(parseNumber('0,5')).toBe(0.5);
    expect(parseNumber('abc')).toBeNaN();
    expect(parseNumber('')).toBeNaN();
    expect(parseNumber('1e')).toBeNaN();
  });
});

describe('format per locale (Intl.NumberFormat)', () => {
  it('groups and separates decimals like the locale', () => {
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
    expect(formatCount(1234567, 'de')).toBe('1.234.567');
    expect(formatCount(1234567, 'fr')).toBe('1\u202f234\u202f567');
    expect(formatGeV(49.87, 'de')).toBe('49,9');
    expect(formatGeV(-0.0432, 'it')).toBe('−0,043');
    expect(formatPercent(0.5123, 'fr')).toBe('51,2\u00a0%');
    expect(formatSci(9.37e11, 3, 'de')).toBe('9,37 × 10¹¹');
    expect(formatValueError(0.5123, 0.1289, 'it')).toBe('0,51 ± 0,13');
  });
  it('keeps the locale-neutral SI style without a locale', () => {
    expect(formatCount(1234567)).toBe(`1${THIN_SPACE}234${THIN_SPACE}567`);
    expect(formatGeV(49.87)).toBe('49.9');
  });
});
