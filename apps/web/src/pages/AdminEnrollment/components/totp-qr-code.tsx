import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The otpauth URI as a QR image, rendered in the browser: the seed never goes to a third party. */
export function TotpQrCode({ otpauthUri }: { otpauthUri: string }) {
  const { t } = useTranslation();
  const [dataUrl, setDataUrl] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 208 })
      .then((url) => {
        if (current) setDataUrl(url);
      })
      .catch(() => {
        // The manual key next to it works just as well.
        if (current) setDataUrl(null);
      });
    return () => {
      current = false;
    };
  }, [otpauthUri]);

  if (!dataUrl) return <div className="admin-qr admin-qr--empty" aria-hidden="true" />;
  return <img className="admin-qr" src={dataUrl} width={208} height={208} alt={t('admin.enroll.qrAlt')} />;
}
