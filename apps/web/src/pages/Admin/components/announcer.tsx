import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

const AnnounceContext = createContext<(message: string) => void>(() => undefined);

/**
 * One polite live region for the whole panel: "IMAP turned on", "Lock lifted". It exists before any
 * message is put into it, which is what makes screen readers reliably read the change.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const announce = useCallback((next: string) => setMessage(next), []);
  return (
    <AnnounceContext.Provider value={announce}>
      <p role="status" className={message ? 'admin-announcement' : 'admin-announcement admin-announcement--empty'}>
        {message}
      </p>
      {children}
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}
