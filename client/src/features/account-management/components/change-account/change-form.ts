import type { useForm } from "@mantine/form";
import type { AccountSummary } from "@shared/api/accounts.ts";
import type { Catalogue } from "@shared/api/catalogue.ts";
import type { ChangeKind } from "@shared/domain/applications.ts";
import type { Format } from "../../../../lib/format.ts";
import {
  billManagementTypeIdOf,
  billManagementTypeValue,
  numberOf,
  wholeNumber,
} from "../../../../lib/zod-form.ts";

/** What the inputs hold: NumberInputs hold "" until a number is typed, Selects may be empty. */
export interface ChangeFormValues {
  change: number | string;
  datapoints: number | string;
  targetAccountId: string | null;
  licenceId: string | null;
  billManagementTypeId: string;
  rtmMeters: number | string;
  additionalPods: number | string;
  rtcLines: number | string;
  credits: number | string;
  comment: string;
}

type ChangeForm = ReturnType<typeof useForm<ChangeFormValues>>;
type Field = keyof ChangeFormValues;

/** The meters start from what the account has: an upgrade states the meters it should have. */
export function initialValues(account: AccountSummary): ChangeFormValues {
  return {
    change: "",
    datapoints: "",
    targetAccountId: null,
    licenceId: null,
    billManagementTypeId: billManagementTypeValue(account.billManagementType?.id),
    rtmMeters: account.rtmMeters,
    additionalPods: account.additionalPods,
    rtcLines: account.rtcLines,
    credits: "",
    comment: "",
  };
}

function payloadOf(kind: ChangeKind, values: ChangeFormValues): Record<string, unknown> {
  switch (kind) {
    case "edit_datapoints":
      return { change: numberOf(values.change) };
    case "move_datapoints":
      return { datapoints: numberOf(values.datapoints), targetAccountId: values.targetAccountId };
    case "edit_licence":
      return { licenceId: values.licenceId };
    case "upgrade_meters":
      return {
        billManagementTypeId: billManagementTypeIdOf(values.billManagementTypeId),
        rtmMeters: numberOf(values.rtmMeters),
        additionalPods: numberOf(values.additionalPods),
        rtcLines: numberOf(values.rtcLines),
      };
    case "buy_sms_credits":
      return { credits: numberOf(values.credits) };
    case "renew_subscription":
      return {};
  }
}

/** The change as the shared `changeRequest` reads it: the schema, not the form, decides what is valid. */
export function requestOf(kind: ChangeKind, values: ChangeFormValues) {
  return { kind, payload: payloadOf(kind, values) };
}

/**
 * The props of the inputs. Errors show as soon as a field is touched, like the server would say
 * them on submit: the form's own (set on submit) first, then those of the preview's check.
 * Numbers read and write with the separators of the user's language.
 */
export function fieldsOf(
  form: ChangeForm,
  checked: Record<string, string> | undefined,
  separators: Format["separators"],
) {
  const errorOf = (field: Field) =>
    form.errors[field] ?? (form.isTouched(field) ? checked?.[field] : undefined);
  const input = (field: Field) => ({ ...form.getInputProps(field), error: errorOf(field) });
  return {
    input,
    number: (field: Field) => ({ ...input(field), ...wholeNumber, ...separators }),
  };
}

/** What every kind's fields receive; each uses what its kind needs. */
export interface ChangeFieldsProps {
  account: AccountSummary;
  catalogue: Catalogue | undefined;
  /** Where a move can send datapoints: the portfolio's active accounts. */
  targets: AccountSummary[];
  fields: ReturnType<typeof fieldsOf>;
}
