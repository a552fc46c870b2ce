import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';

/**
 * The otpauth URI as a QR code, drawn in the page: the secret never goes to a QR web service.
 * A data: URL image (the CSP allows img-src data:), so it scales crisply and needs no canvas.
 */
export function TotpQrCode({ uri }: { uri: string }) {
  const { t } = useTranslation();
  const [image, setImage] = useState<{ uri: string; dataUrl: string | null } | null>(null);

  useEffect(() => {
    let cancelled = false;
    // Loaded on demand: only the few people setting up 2FA need the QR encoder.
    import('qrcode')
      .then((qrcode) => qrcode.default.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 }))
      .then(
        (dataUrl) => !cancelled && setImage({ uri, dataUrl }),
        () => !cancelled && setImage({ uri, dataUrl: null }),
      );
    return () => {
      cancelled = true;
    };
  }, [uri]);

  if (!image || image.uri !== uri) return <div className="qr-code qr-code--placeholder" aria-hidden="true" />;
  if (!image.dataUrl) return <p className="field__error">{t('totp.enroll.qrFailed')}</p>;
  return <img className="qr-code" src={image.dataUrl} width={240} height={240} alt={t('totp.enroll.qrAlt')} />;
}
