import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { PageHeader } from "../../components/page-header.tsx";
import { useMe } from "../../features/auth/index.ts";
import { EndpointFormModal, EndpointList } from "../../features/webhooks/index.ts";
import { useT } from "../../lib/i18n.tsx";

export function WebhooksRoute() {
  const t = useT();
  const me = useMe();
  const [adding, { open, close }] = useDisclosure(false);
  const platformWide = me.role === "customer_success";
  return (
    <>
      <PageHeader
        title={t("webhooks.title")}
        description={
          platformWide
            ? t("webhooks.page.descriptionPlatform")
            : t("webhooks.page.descriptionPartner", { partner: me.partner?.name ?? "" })
        }
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            {t("webhooks.add")}
          </Button>
        }
      />
      <EndpointList showPartner={platformWide} />
      {adding && <EndpointFormModal opened onClose={close} />}
    </>
  );
}
