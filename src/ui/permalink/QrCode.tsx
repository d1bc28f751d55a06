import { useEffect, useState } from 'react';

/**
 * Links longer than this are too long to share: 8,000 characters is the request-line limit of common web
 * servers and proxies (nginx's and Apache's default is 8 KiB) and about where chat and mail clients start
 * cutting links. Beyond it the share bar says so and offers the state file instead.
 */
export const LINK_LENGTH_LIMIT = 8000;
/** A QR code (version 40, error correction L, byte mode) holds at most 2,953 bytes; links are ASCII. */
export const QR_LINK_LIMIT = 2953;
/** The address under the QR code and in notices is cut to this many characters (it was printed whole). */
const CAPTION_CHARS = 160;

/** A long address, shortened for display, with its length said. */
export function shortLink(text: string): string {
  return text.length <= CAPTION_CHARS ? text : `${text.slice(0, CAPTION_CHARS)}… (${text.length.toLocaleString('en')} characters)`;
}

type Qr = { text: string; src: string } | { text: string; error: string };

/**
 * The link as a QR code for a class to scan, with the address in text beneath. The encoder is loaded on
 * first use (it is not needed otherwise); level L error correction fits links of up to ~2,900 bytes.
 */
export function QrCode({ text }: { text: string }) {
  const [qr, setQr] = useState<Qr | null>(null);
  const tooLong = text.length > QR_LINK_LIMIT;
  useEffect(() => {
    if (tooLong) return undefined;
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
  }, [text, tooLong]);
  if (tooLong) {
    return (
      <figure className="share-qr" data-testid="qr">
        <p className="notice-error" data-testid="qr-too-long">
          This link is {text.length.toLocaleString('en')} characters long: a QR code holds at most {QR_LINK_LIMIT.toLocaleString('en')}. Save state writes the whole
          experiment to a file instead.
        </p>
        <figcaption data-testid="qr-url">{shortLink(text)}</figcaption>
      </figure>
    );
  }
  const current = qr?.text === text ? qr : null;
  return (
    <figure className="share-qr" data-testid="qr">
      {current === null && <div className="share-qr-placeholder">Drawing the QR code…</div>}
      {current !== null && 'src' in current && <img src={current.src} width={280} height={280} alt="QR code of the link to this experiment" data-testid="qr-image" />}
      {current !== null && 'error' in current && <p className="notice-error">The QR code could not be drawn: {current.error}</p>}
      <figcaption data-testid="qr-url">{shortLink(text)}</figcaption>
    </figure>
  );
}
