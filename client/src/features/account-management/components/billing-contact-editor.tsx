import { ActionIcon, Button, Group, Modal, Stack, TextInput, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type AccountDetail, billingContactBody } from "@shared/api/accounts.ts";
import { IconPencil } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { ApiError, fieldErrorsOf, localise } from "../../../lib/api.ts";
import { useT } from "../../../lib/i18n.tsx";
import { notifyError } from "../../../lib/query-client.ts";
import { useSetBillingContact } from "../api/billing-contact.ts";

/** A SuperAdmin sets or clears the account's billing contact. */
export function BillingContactEditor({ account }: { account: AccountDetail }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const save = useSetBillingContact();

  const start = () => {
    setEmail(account.billingContactEmail ?? "");
    setError(null);
    open();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = billingContactBody.safeParse({ email: email.trim() || null });
    if (!checked.success) {
      setError(
        localise(checked.error.issues[0]?.message ?? "") ||
          t("accounts.billingContact.checkAddress"),
      );
      return;
    }
    save.mutate(
      { accountId: account.id, ...checked.data },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("accounts.billingContact.saved") });
          close();
        },
        onError: (refusal) => {
          const field = refusal instanceof ApiError ? fieldErrorsOf(refusal).email : undefined;
          if (field) setError(field);
          else notifyError(refusal);
        },
      },
    );
  };

  return (
    <>
      <Tooltip label={t("accounts.billingContact.edit")}>
        <ActionIcon
          variant="subtle"
          size="sm"
          aria-label={t("accounts.billingContact.edit")}
          onClick={start}
        >
          <IconPencil size={14} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={opened} onClose={close} title={t("accounts.field.billingContact")} centered>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label={t("accounts.billingContact.email")}
              description={t("accounts.billingContact.description")}
              placeholder={t("accounts.billingContact.placeholder")}
              type="email"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={error}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t("common.save")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
