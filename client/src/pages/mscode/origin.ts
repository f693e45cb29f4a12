// Where a printed 民生码 points: PUBLIC_URL when the deployment set it (the server writes it into the page as
// <meta name="minsheng-public-url">), else the origin this page was asked for.
export function publicOrigin(): string {
  const meta = document.querySelector('meta[name="minsheng-public-url"]')?.getAttribute('content')?.trim();
  return (meta || window.location.origin).replace(/\/+$/, '');
}

export const projectUrl = (id: string) => `${publicOrigin()}/projects/${encodeURIComponent(id)}`;
