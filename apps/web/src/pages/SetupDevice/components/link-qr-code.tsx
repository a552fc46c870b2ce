import { useEffect, useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';

/**
 * A link as a QR code, drawn in the page with the same encoder as the 2FA setup: the link never
 * goes to a QR web service. Falls back to showing the address.
 */
export function LinkQrCode({ url }: { url: string }) {
  const { t } = useTranslation();
  const [image, setImage] = useState<{ url: string; dataUrl: string | null } | null>(null);

  useEffect(() => {
    let cancelled = false;
    import('qrcode')
      .then((qrcode) => qrcode.default.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 240 }))
      .then(
        (dataUrl) => !cancelled && setImage({ url, dataUrl }),
        () => !cancelled && setImage({ url, dataUrl: null }),
      );
    return () => {
      cancelled = true;
    };
  }, [url]);

  if (!image || image.url !== url) return <div className="qr-code qr-code--placeholder" aria-hidden="true" />;
  if (!image.dataUrl) {
    return (
      <p>
        {t('mailSetup.qr.failed')} <code className="setup-link">{url}</code>
      </p>
    );
  }
  return (
    <img className="qr-code" src={image.dataUrl} width={240} height={240} alt={t('mailSetup.qr.alt')} data-link={url} />
  );
}
