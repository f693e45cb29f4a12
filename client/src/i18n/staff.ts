// The words of the administrators' screens (the 人大工作后台 and what it alone shows: the inbox, moderation, notices
// to people, 评议 · 满意度), added to the catalogue by the staff screens that import this file (pages/admin/AdminPage,
// the trail's facts), so they travel in the staff chunks and never in the start-up bundle that the tablet and the
// public pages load (index.ts leaves these files out, as it leaves out the trail's words).
import i18n from './index';
import adminZh from './admin.zh-CN.json';
import adminEn from './admin.en.json';
import evalAdminZh from './evalAdmin.zh-CN.json';
import evalAdminEn from './evalAdmin.en.json';
import inboxZh from './inbox.zh-CN.json';
import inboxEn from './inbox.en.json';
import moderationZh from './moderation.zh-CN.json';
import moderationEn from './moderation.en.json';
import noticesAdminZh from './notices-admin.zh-CN.json';
import noticesAdminEn from './notices-admin.en.json';

export const staffStrings = {
  'zh-CN': [adminZh, evalAdminZh, inboxZh, moderationZh, noticesAdminZh],
  en: [adminEn, evalAdminEn, inboxEn, moderationEn, noticesAdminEn],
} as const;

// deep: merged into the language's one `translation` namespace; adding it twice changes nothing
for (const [lng, files] of Object.entries(staffStrings)) for (const strings of files) i18n.addResourceBundle(lng, 'translation', strings, true, true);
