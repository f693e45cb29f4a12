// seedProvince: QUALITY.md's "province scale", a 重庆-sized city on one deployment (1 city, 38 districts
// and counties, 990 townships, 8,000 selected projects a year for 5 years, 70,000 suggestions in one
// body-year and 300,000 in the year city-wide), or a fraction of it (`scale`). It is the generated city of
// scripts/city/ with these sizes: the same rows, the same votes with real boxes that verify.
import type { Db } from '../../server/db/connect.js';
import { loadSecrets } from '../../server/secrets.js';
import { cityOptions, type CityOptions } from '../city/options.js';
import { findCity, writeCity, type CitySeeded } from '../city/seed.js';

export interface ProvinceOptions {
  /** 1: the full 重庆 size; 0.01: a smoke run. Counts of bodies, projects and suggestions scale; congress sizes do not. */
  scale: number;
  years: number;
  db: Db;
  /** the key member sign-in codes are hashed with (default: the database's own, as the server reads it) */
  codeKey?: Buffer;
  seed?: number;
  endYear?: number;
  now?: Date;
  log?: (line: string) => void;
}

export const provincePlace = '渝江市';

/** The generated city's options at `scale` (exported for the bench and the test). */
export function provinceOptions(o: Omit<ProvinceOptions, 'db' | 'codeKey'>): CityOptions {
  if (!(o.scale > 0 && o.scale <= 1)) throw new RangeError(`scale must be in (0, 1], got ${o.scale}`);
  const s = (full: number, least: number) => Math.max(least, Math.round(full * o.scale));
  const counties = s(38, 2);
  return cityOptions({
    place: provincePlace,
    counties,
    // 重庆: 26 districts and 12 counties
    districts: Math.round((counties * 26) / 38),
    townshipsTotal: s(990, counties * 2),
    years: o.years,
    projectsPerYear: s(8000, 40),
    suggestions: s(70_000, 100),
    suggestionsCityWide: s(300_000, 400),
    // the congresses keep their real sizes at every scale: 重庆's has ~860 deputies, a district's ~250, a township's ~40
    membersCity: 800, membersCounty: 250, membersTownship: 40,
    seed: o.seed ?? 20240101,
    ...(o.endYear !== undefined ? { endYear: o.endYear } : {}),
    ...(o.now !== undefined ? { now: o.now } : {}),
    ...(o.log !== undefined ? { log: o.log } : {}),
  });
}

export const findProvince = (db: Db) => findCity(db, provincePlace);

/** Writes the province into `db`; refuses (CityExists, nothing written) when it is already there. */
export async function seedProvince(o: ProvinceOptions): Promise<CitySeeded> {
  const codeKey = o.codeKey ?? (await loadSecrets(o.db)).codeKey;
  return writeCity(o.db, codeKey, provinceOptions(o));
}
