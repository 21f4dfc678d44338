import { Button } from 'react-aria-components';
import './organizations.css';

/** The sidebar's way to Our organizations, the directory that every instance maps from. */
export function DirectoryLink({ current, onOpen }: { current: boolean; onOpen(): void }) {
  return (
    <Button
      className={current ? 'directory-link directory-link--current' : 'directory-link'}
      onPress={onOpen}
      aria-current={current ? 'page' : undefined}
    >
      <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          d="M4 21V5a2 2 0 012-2h8a2 2 0 012 2v16M16 9h2a2 2 0 012 2v10M2 21h20M8 7h4M8 11h4M8 15h4"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.75"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span className="directory-link__text">
        <span className="directory-link__title">Our organizations</span>
        <span className="directory-link__sub">Shared by every instance</span>
      </span>
    </Button>
  );
}
