// Per-cycle settings that areas keep in the cycle file (print layout, import templates, backup
// policy…): their keys, in one list, so the engine can refuse anything else. Each area validates
// its own value's shape where it uses it.
export const SETTING_KEYS = ['print', 'importTemplates', 'export', 'backup', 'editing', 'findings'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];
