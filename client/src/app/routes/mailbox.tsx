import { Tabs } from "@mantine/core";
import { IconInbox, IconSend } from "@tabler/icons-react";
import { useSearchParams } from "react-router";
import { PageHeader } from "../../components/page-header.tsx";
import { Mailbox, Outbox, SweepButton } from "../../features/mail/index.ts";
import { useT } from "../../lib/i18n.tsx";

type View = "mailbox" | "outbox";

/** The in-app mailbox and the outbox; which one, and the open message, live in the address. */
export function MailboxRoute() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const view: View = params.get("view") === "outbox" ? "outbox" : "mailbox";
  const openId = params.get("message") ?? undefined;

  return (
    <>
      <PageHeader
        title={t("mailbox.title")}
        description={t("mailbox.description")}
        actions={<SweepButton />}
      />
      <Tabs
        value={view}
        onChange={(next) => setParams(next === "outbox" ? { view: "outbox" } : {})}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="mailbox" leftSection={<IconInbox size={16} />}>
            {t("mailbox.title")}
          </Tabs.Tab>
          <Tabs.Tab value="outbox" leftSection={<IconSend size={16} />}>
            {t("mailbox.outbox.title")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="mailbox">
          <Mailbox
            openId={openId}
            onOpen={(id) => setParams({ message: id })}
            onClose={() => setParams({})}
          />
        </Tabs.Panel>
        <Tabs.Panel value="outbox">
          <Outbox />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
