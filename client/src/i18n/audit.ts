// The trail's words (every action of shared/audit.ts in both languages), added to the catalogue by the staff
// screens that show the trail (the office's 操作记录 tab, the console's log): imported from pages/audit, so they
// travel in the staff chunks and never in the tablet's start-up bundle (index.ts leaves these files out).
import i18n from './index';
import zh from './audit.zh-CN.json';
import en from './audit.en.json';

export const auditStrings = { 'zh-CN': zh, en } as const;

// deep: merged into the language's one `translation` namespace; adding it twice changes nothing
for (const [lng, strings] of Object.entries(auditStrings)) i18n.addResourceBundle(lng, 'translation', strings, true, true);
