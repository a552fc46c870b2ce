export function createSelfSignedCertificate(dir: string, commonName: string): { certFile: string; keyFile: string };
