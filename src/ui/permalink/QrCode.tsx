import { useEffect, useState } from 'react';

/** Browsers and QR readers cope with links up to about this long; longer ones are better saved as a file. */
export const LINK_LENGTH_LIMIT = 2000;

type Qr = { text: string; src: string } | { text: string; error: string };

/**
 * The link as a QR code for a class to scan, with the address in text beneath. The encoder is loaded on
 * first use (it is not needed otherwise); level L error correction fits links of up to ~2,900 bytes.
 */
export function QrCode({ text }: { text: string }) {
  const [qr, setQr] = useState<Qr | null>(null);
  useEffect(() => {
    let cancelled = false;
    import('qrcode')
      .then((QRCode) => QRCode.toDataURL(text, { errorCorrectionLevel: 'L', margin: 2, width: 280 }))
      .then(
        (src) => !cancelled && setQr({ text, src }),
        (e: unknown) => !cancelled && setQr({ text, error: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      cancelled = true;
    };
  }, [text]);
  const current = qr?.text === text ? qr : null;
  return (
    <figure className="share-qr" data-testid="qr">
      {current === null && <div className="share-qr-placeholder">Drawing the QR code…</div>}
      {current !== null && 'src' in current && <img src={current.src} width={280} height={280} alt="QR code of the link to this experiment" data-testid="qr-image" />}
      {current !== null && 'error' in current && <p className="notice-error">The QR code could not be drawn: {current.error}</p>}
      <figcaption data-testid="qr-url">{text}</figcaption>
    </figure>
  );
}
