/** PostgreSQL's `2027-01-15 09:00:00.5+00` as ISO 8601 (`2027-01-15T09:00:00.500Z`), as API.md asks of instants. */
export const iso = (t: string) => new Date(t.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')).toISOString();
