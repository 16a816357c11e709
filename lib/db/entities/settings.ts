import { z } from 'zod';

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期须为 YYYY-MM-DD' });

/** A local adjustment of the official calendar (e.g. a county's own day off). */
export const CalendarOverrideSchema = z.object({
  /** The day in China, 'YYYY-MM-DD'. */
  date: IsoDay,
  /** Whether the day is off or a working day locally, whatever the national calendar says. */
  kind: z.enum(['holiday', 'workday']),
  /** Why (e.g. the notice that declared it). */
  note: z.string().max(200).default(''),
});
/** A local calendar override. */
export type CalendarOverride = z.infer<typeof CalendarOverrideSchema>;

/**
 * The office's trusted timestamp service (RFC 3161, e.g. an intranet TSA or a
 * commercial 时间戳 service): where to ask, the root certificate its answers
 * must chain to, and which tiers of case get their captures stamped
 * (empty: every capture).
 */
export const TsaConfigSchema = z.object({
  url: z.string().trim().max(2000).regex(/^https?:\/\//i, { message: '须为 http(s) 地址' }),
  rootPem: z.string().max(20_000).regex(/-----BEGIN CERTIFICATE-----/, { message: '须为 PEM 格式的根证书' }),
  tiers: z.array(z.enum(['especially-major', 'major', 'larger', 'general'])).max(4).default([]),
});
/** The office's timestamp service. */
export type TsaConfig = z.infer<typeof TsaConfigSchema>;

/** The officer's settings. Every field has its default in `DEFAULT_SETTINGS`. */
export const SettingsSchema = z.object({
  /** The officer's name, recorded as `actor.officer` on every event. */
  officerName: z.string().trim().max(100),
  /** The department the officer acts for (`actor.department`). */
  department: z.string().trim().max(100),
  /** Id of the policy profile that drives deadlines (built-in or user copy). */
  activeProfileId: z.string().trim().min(1).max(100),
  /** UI language. */
  locale: z.enum(['zh_CN', 'en']),
  /** Fractions of a deadline's span at which to warn (0 < f ≤ 1), ascending. */
  warnAt: z
    .array(z.number().gt(0).lte(1))
    .max(10)
    .refine((xs) => xs.every((x, i) => i === 0 || xs[i - 1]! < x), { message: '须严格递增' }),
  /** Local adjustments of the official calendar. */
  calendarOverrides: z.array(CalendarOverrideSchema).max(400),
  /** Id of the active watch list. */
  watchlistId: z.string().trim().min(1).max(100),
  /** The office's trusted timestamp service; none configured by default. */
  tsa: TsaConfigSchema.optional(),
});
/** The officer's settings. */
export type Settings = z.infer<typeof SettingsSchema>;

/** The one place defaults are written (STYLE.md: defaults written twice drift). */
export const DEFAULT_SETTINGS: Settings = Object.freeze({
  officerName: '',
  department: '',
  activeProfileId: 'xuancheng-2015',
  locale: 'zh_CN',
  warnAt: [0.5, 0.75, 1],
  calendarOverrides: [],
  watchlistId: 'default',
}) as Settings;

/** The stored settings row: the settings plus the singleton key. */
export type SettingsRow = Settings & { id: 'settings' };

/** Key of the single settings row. */
export const SETTINGS_KEY = 'settings' as const;
