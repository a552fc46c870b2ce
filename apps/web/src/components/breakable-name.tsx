import { Fragment } from 'react';

/**
 * A host name or address that may wrap after its dots, at-signs and dashes ("imap.mail.<wbr>
 * example.com"), so a narrow screen breaks it between its parts instead of in the middle of one.
 */
export function BreakableName({ value }: { value: string }) {
  const parts = value.split(/(?<=[.@-])/);
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}
