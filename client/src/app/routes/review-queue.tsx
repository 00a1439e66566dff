import { PageHeader } from "../../components/page-header.tsx";
import { ReviewQueue } from "../../features/review/index.ts";

export function ReviewQueueRoute() {
  return (
    <>
      <PageHeader
        title="Review queue"
        description="Applications from every partner, oldest pending first."
      />
      <ReviewQueue />
    </>
  );
}
