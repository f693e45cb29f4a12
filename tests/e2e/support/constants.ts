/** The admin password of every e2e server (set through ADMIN_PASSWORD on an empty database). */
export const adminPassword = 'e2e-admin-password';
