/** The staff office's tabs, in the order of the year (the stage bar groups them: StageTabs). */
export const ADMIN_TABS = ['members', 'suggestions', 'referrals', 'collection', 'duty', 'screening', 'implementation', 'ratings', 'projects', 'sessions', 'users', 'bodies', 'audit'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];
