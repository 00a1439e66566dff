import { Alert, Anchor, Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import type { AccountSummary } from "@shared/api/accounts.ts";
import type { Application } from "@shared/api/applications.ts";
import { MAX_COMMENT_LENGTH } from "@shared/domain/accounts.ts";
import type { ChangeKind } from "@shared/domain/applications.ts";
import { IconSend } from "@tabler/icons-react";
import { type ComponentType, useState } from "react";
import { Link } from "react-router";
import { ApiError, fieldErrorsOf } from "../../../../lib/api.ts";
import { useFormat } from "../../../../lib/format.ts";
import { useT } from "../../../../lib/i18n.tsx";
import { notifyError } from "../../../../lib/query-client.ts";
import { useFileApplication } from "../../api/file-application.ts";
import { BuySmsCreditsFields } from "./buy-sms-credits-fields.tsx";
import {
  type ChangeFieldsProps,
  type ChangeFormValues,
  fieldsOf,
  initialValues,
} from "./change-form.ts";
import { ChangeResult } from "./change-result.tsx";
import { CurrentValues } from "./current-values.tsx";
import { EditDatapointsFields } from "./edit-datapoints-fields.tsx";
import { EditLicenceFields } from "./edit-licence-fields.tsx";
import { MoveDatapointsFields } from "./move-datapoints-fields.tsx";
import { RenewSubscriptionFields } from "./renew-subscription-fields.tsx";
import { UpgradeMetersFields } from "./upgrade-meters-fields.tsx";
import { useChangePreview } from "./use-change-preview.ts";

const FIELDS: Record<ChangeKind, ComponentType<ChangeFieldsProps>> = {
  edit_datapoints: EditDatapointsFields,
  move_datapoints: MoveDatapointsFields,
  edit_licence: EditLicenceFields,
  upgrade_meters: UpgradeMetersFields,
  buy_sms_credits: BuySmsCreditsFields,
  renew_subscription: RenewSubscriptionFields,
};

interface ChangeAccountModalProps {
  kind: ChangeKind;
  account: AccountSummary;
  onClose: () => void;
  onFiled: (application: Application) => void;
}

/** One change to one account, filed as an application, with the result shown before it is sent. */
export function ChangeAccountModal({ kind, account, onClose, onFiled }: ChangeAccountModalProps) {
  const t = useT();
  const format = useFormat();
  const file = useFileApplication();
  const form = useForm<ChangeFormValues>({
    mode: "controlled",
    initialValues: initialValues(account),
  });
  const { catalogue, targets, target, preview } = useChangePreview(kind, account, form.values);
  // A second application of a kind is refused with the first one: say where it is.
  const [pending, setPending] = useState<string | null>(null);

  const submit = () => {
    if (!preview) return;
    if (preview.state === "incomplete" || !preview.plan.ok) {
      form.setErrors(preview.errors);
      return;
    }
    const comment = form.values.comment.trim();
    file.mutate(
      { ...preview.request, accountId: account.id, ...(comment ? { comment } : {}) },
      {
        onSuccess: (application) => {
          const approved = application.status === "approved";
          notifications.show({
            color: "green",
            title: t(approved ? "accounts.change.approvedTitle" : "accounts.applicationSent"),
            message: approved
              ? t("accounts.change.approvedMessage", {
                  summary: application.summary,
                  account: account.name,
                })
              : t("accounts.change.sentMessage", { summary: application.summary }),
          });
          onFiled(application);
        },
        onError: (error) => {
          if (error instanceof ApiError) {
            form.setErrors(fieldErrorsOf(error, "payload."));
            const id = error.extensions.pendingApplicationId;
            if (error.code === "APPLICATION_ALREADY_PENDING" && typeof id === "string") {
              setPending(id);
              return;
            }
          }
          notifyError(error);
        },
      },
    );
  };

  // Closing while the request is on its way stops it; whether it arrived first cannot be known here.
  const close = () => {
    if (file.cancel()) {
      notifications.show({ title: t("app.api.cancelled"), message: t("app.api.cancelledDetail") });
    }
    onClose();
  };

  const Fields = FIELDS[kind];
  const kindLabel = t(`app.applicationKind.${kind}`);

  return (
    <Modal opened onClose={close} title={`${kindLabel} · ${account.name}`} size="lg" radius="md">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="md">
          <CurrentValues kind={kind} account={account} />
          <Fields
            account={account}
            catalogue={catalogue}
            targets={targets}
            fields={fieldsOf(form, preview?.errors, format.separators)}
          />
          <ChangeResult preview={preview} account={account} target={target} />

          {pending && (
            <Alert
              color="yellow"
              variant="light"
              title={t("accounts.change.alreadyPending")}
              role="alert"
            >
              {t("accounts.change.alreadyPendingText", { kind })}{" "}
              <Anchor component={Link} to="/account-management?zone=applications" onClick={onClose}>
                {t("accounts.change.seePending")}
              </Anchor>
            </Alert>
          )}

          <Textarea
            label={t("app.accountField.comment")}
            description={t("accounts.change.commentHint")}
            autosize
            minRows={2}
            maxLength={MAX_COMMENT_LENGTH}
            {...form.getInputProps("comment")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" leftSection={<IconSend size={16} />} loading={file.isPending}>
              {t("accounts.change.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
