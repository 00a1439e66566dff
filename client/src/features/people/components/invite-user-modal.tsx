import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { inviteUserBody } from "@shared/api/people.ts";
import { INVITATION_VALID_DAYS, type UserType } from "@shared/domain/people.ts";
import { type FormEvent, useState } from "react";
import { ApiError, fieldErrorsOf } from "../../../lib/api.ts";
import { useT } from "../../../lib/i18n.tsx";
import { notifyError } from "../../../lib/query-client.ts";
import { formErrorsOf } from "../../../lib/zod-form.ts";
import { AccountPicker } from "../../account-management/index.ts";
import { useInviteUser } from "../api/people.ts";
import { UserTypeSelect } from "./user-type.tsx";

/** Name, address and type of someone to invite; an account-level user may start with one account. */
export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [userType, setUserType] = useState<UserType>("client");
  const [accountId, setAccountId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const invite = useInviteUser();

  const close = () => {
    setName("");
    setEmail("");
    setUserType("client");
    setAccountId(null);
    setErrors({});
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = inviteUserBody.safeParse({
      name,
      email,
      userType,
      accountId: userType === "super_admin" ? null : accountId,
    });
    if (!checked.success) {
      setErrors(formErrorsOf(checked.error));
      return;
    }
    setErrors({});
    invite.mutate(checked.data, {
      onSuccess: (invitation) => {
        notifications.show({
          color: "green",
          message: t("people.invite.sent", {
            email: invitation.email,
            days: INVITATION_VALID_DAYS,
          }),
        });
        close();
      },
      onError: (error) => {
        const fields = error instanceof ApiError ? fieldErrorsOf(error) : {};
        if (Object.keys(fields).length > 0) setErrors(fields);
        else notifyError(error);
      },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t("people.invite.title")} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t("people.name")}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            autoComplete="off"
            data-autofocus
          />
          <TextInput
            label={t("people.emailAddress")}
            type="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={errors.email}
            autoComplete="off"
          />
          <UserTypeSelect value={userType} onChange={setUserType} error={errors.userType} />
          {userType !== "super_admin" && (
            <AccountPicker
              label={t("people.invite.account")}
              description={t("people.invite.accountDescription")}
              value={accountId}
              onChange={setAccountId}
              error={errors.accountId}
              clearable
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t("people.invite.send")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
