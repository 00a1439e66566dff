import { useT } from "../lib/i18n.tsx";

/** The first stop of the Tab key: straight to the page's content, past the header and its menu. */
export function SkipLink({ target }: { target: string }) {
  const t = useT();
  return (
    <a className="skip-link" href={`#${target}`}>
      {t("app.skipToContent")}
    </a>
  );
}
