import { Button } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { type QueryParams, withQuery } from "../lib/api.ts";
import { useT } from "../lib/i18n.tsx";

/**
 * A link that downloads a list as the server exports it, with the filters on screen; the browser
 * sends the session cookie and saves the file under the name the server gives. Not shown on phones.
 */
export function CsvDownloadButton({
  path,
  query,
  what,
}: {
  path: string;
  query?: QueryParams;
  /** What the file holds, for screen readers: "Active accounts". */
  what: string;
}) {
  const t = useT();
  return (
    <Button
      component="a"
      href={withQuery(path, query)}
      download
      variant="default"
      // A file to work on at a desk; on a phone it would only push the list's rows down.
      visibleFrom="sm"
      leftSection={<IconDownload size={16} aria-hidden />}
      aria-label={t("common.downloadCsvOf", { what })}
    >
      {t("common.downloadCsv")}
    </Button>
  );
}
