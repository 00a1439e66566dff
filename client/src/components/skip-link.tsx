/** The first stop of the Tab key: straight to the page's content, past the header and its menu. */
export function SkipLink({ target }: { target: string }) {
  return (
    <a className="skip-link" href={`#${target}`}>
      Skip to content
    </a>
  );
}
