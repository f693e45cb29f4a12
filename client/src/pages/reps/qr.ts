// QR codes as SVG data URLs (crisp in print), made in the browser with the same library as the member cards
// and the station posters.
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** The options every 代表码 is drawn with (a test draws the expected code with the same ones). */
export const qrOptions = { type: 'svg', margin: 1, errorCorrectionLevel: 'M' } as const;

export function useQrSvg(text: string): string {
  const [src, setSrc] = useState('');
  useEffect(() => {
    let cancelled = false;
    QRCode.toString(text, qrOptions)
      .then((svg) => { if (!cancelled) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`); })
      .catch(() => { if (!cancelled) setSrc(''); });
    return () => { cancelled = true; };
  }, [text]);
  return src;
}

/** What a representative's 代表码 opens: the suggestion form addressed to them. */
export const repSuggestUrl = (bodyId: string, memberId: string) =>
  `${window.location.origin}/suggest/${encodeURIComponent(bodyId)}?rep=${encodeURIComponent(memberId)}`;
