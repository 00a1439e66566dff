import { PageHeader } from "../../components/page-header.tsx";
import { ReviewQueue } from "../../features/review/index.ts";
import { useT } from "../../lib/i18n.tsx";

export function ReviewQueueRoute() {
  const t = useT();
  return (
    <>
      <PageHeader title={t("review.queue.title")} description={t("review.queue.description")} />
      <ReviewQueue />
    </>
  );
}
