/** The risk's weights per part: read from storage leniently, parsed from `key=value` strictly (the CLI's --set). */
import { DEFAULT_RISK_WEIGHT, RISK_PART_KEYS, RISK_WEIGHT_MAX, type RiskPartKey } from './parts.ts';

export type RiskWeightMap = Record<RiskPartKey, number>;

const isWeight = (w: unknown): w is number => typeof w === 'number' && Number.isFinite(w) && w >= 0 && w <= RISK_WEIGHT_MAX;

/** Every part's weight: the stored one when it is a weight, else the default (a row edited by hand is read as far as it goes). */
export function resolveWeights(stored: unknown): RiskWeightMap {
  const given = stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  return Object.fromEntries(RISK_PART_KEYS.map((k) => [k, isWeight(given[k]) ? given[k] : DEFAULT_RISK_WEIGHT])) as RiskWeightMap;
}

export type WeightsParse = { ok: true; value: Partial<RiskWeightMap> } | { ok: false; message: string };

/** `violation_trend=2`, `precedents=0`...: each a part's key and a weight from 0 to RISK_WEIGHT_MAX; a key named twice takes the last. */
export function parseWeightAssignments(texts: readonly string[]): WeightsParse {
  const value: Partial<RiskWeightMap> = {};
  for (const text of texts) {
    const match = /^\s*([a-z_]+)\s*=\s*(\S+)\s*$/.exec(text);
    if (!match) return { ok: false, message: `"${text}" is not key=value (e.g. violation_trend=2)` };
    const [, key, raw] = match as unknown as [string, string, string];
    if (!(RISK_PART_KEYS as readonly string[]).includes(key)) return { ok: false, message: `"${key}" is not a part of the risk; the parts are ${RISK_PART_KEYS.join(', ')}` };
    const weight = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!isWeight(weight)) return { ok: false, message: `The weight of ${key} must be a number from 0 to ${RISK_WEIGHT_MAX}, not "${raw}"` };
    value[key as RiskPartKey] = weight;
  }
  return { ok: true, value };
}
