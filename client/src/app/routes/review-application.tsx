import { Button } from "@mantine/core";
import { IconFileUnknown } from "@tabler/icons-react";
import { Link, useLocation, useParams } from "react-router";
import { LoadingState } from "../../components/loading-state.tsx";
import { MessagePage } from "../../components/message-page.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { useCatalogueEntries } from "../../features/catalogue/index.ts";
import { ApplicationReview, useApplicationForReview } from "../../features/review/index.ts";
import { useT } from "../../lib/i18n.tsx";

export function ReviewApplicationRoute() {
  const t = useT();
  const { id = "" } = useParams();
  // Opened from a filtered queue: the way back leads to the same filters.
  const queue = `/review${useLocation().search.replace(/^\?$/, "")}`;
  const application = useApplicationForReview(id);
  // Every entry, retired ones too: an application may name one retired since it was filed.
  const catalogue = useCatalogueEntries();

  if (application.isError) {
    return (
      <MessagePage
        icon={<IconFileUnknown size={32} />}
        title={t("review.application.notFound")}
        text={application.error.message}
        action={
          <Button component={Link} to={queue} mt="sm">
            {t("review.application.backToQueue")}
          </Button>
        }
      />
    );
  }
  if (!application.data || !catalogue.data) return <LoadingState />;

  return (
    <>
      <PageHeader
        title={t("review.application.title")}
        extra={<StatusBadge status={application.data.status} />}
        description={application.data.summary}
        back={{ to: queue, label: t("review.queue.title") }}
      />
      {/* The next application of the queue opens on this same page: it starts afresh. */}
      <ApplicationReview
        key={application.data.id}
        application={application.data}
        catalogue={catalogue.data}
      />
    </>
  );
}
