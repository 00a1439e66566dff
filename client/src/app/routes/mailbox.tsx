import { Tabs } from "@mantine/core";
import { IconInbox, IconSend } from "@tabler/icons-react";
import { useSearchParams } from "react-router";
import { PageHeader } from "../../components/page-header.tsx";
import { Mailbox, Outbox, SweepButton } from "../../features/mail/index.ts";

type View = "mailbox" | "outbox";

/** The in-app mailbox and the outbox; which one, and the open message, live in the address. */
export function MailboxRoute() {
  const [params, setParams] = useSearchParams();
  const view: View = params.get("view") === "outbox" ? "outbox" : "mailbox";
  const openId = params.get("message") ?? undefined;

  return (
    <>
      <PageHeader
        title="Mailbox"
        description="E-mail the platform sent — notices and expiry reminders — and how each delivery went."
        actions={<SweepButton />}
      />
      <Tabs
        value={view}
        onChange={(next) => setParams(next === "outbox" ? { view: "outbox" } : {})}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="mailbox" leftSection={<IconInbox size={16} />}>
            Mailbox
          </Tabs.Tab>
          <Tabs.Tab value="outbox" leftSection={<IconSend size={16} />}>
            Outbox
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="mailbox">
          <Mailbox openId={openId} onOpen={(id) => setParams({ message: id })} />
        </Tabs.Panel>
        <Tabs.Panel value="outbox">
          <Outbox />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
