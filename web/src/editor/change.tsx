import { showChange } from './diff.ts';

export function Change({ before, after }: { before: unknown; after: unknown }) {
  const [was, now] = showChange(before, after);
  return (
    <dd>
      <del>{was}</del> → <ins>{now}</ins>
    </dd>
  );
}
