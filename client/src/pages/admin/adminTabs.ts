/** The staff office's tabs, in the order of the year (the stage bar groups them: StageTabs). */
export const ADMIN_TABS = ['members', 'suggestions', 'referrals', 'collection', 'duty', 'screening', 'reserve', 'implementation', 'tasks', 'evaluation', 'ratings', 'projects', 'sessions', 'users', 'notices', 'bodies', 'audit'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];
