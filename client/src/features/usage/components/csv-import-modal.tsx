import {
  Alert,
  Button,
  Code,
  FileButton,
  Group,
  List,
  Modal,
  ScrollArea,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { AccountDetail } from "@shared/api/accounts.ts";
import { MAX_BATCH } from "@shared/domain/usage.ts";
import { IconAlertTriangle, IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { FormattedMessage } from "react-intl";
import { ApiError } from "../../../lib/api.ts";
import { type Translate, useT } from "../../../lib/i18n.tsx";
import { notifyError } from "../../../lib/query-client.ts";
import { useRegisterDatapoints } from "../api/register-datapoints.ts";
import { CSV_COLUMNS, type CsvLineError, checkDatapointsCsv } from "../csv-import.ts";

type Refusal = { title: string; text: string };

function refusalOf(error: ApiError, t: Translate): Refusal | null {
  if (error.code === "QUOTA_EXCEEDED") {
    const left = Number(error.extensions.datapointsLeft ?? 0);
    const needed = Number(error.extensions.datapointsNeeded ?? Number.NaN);
    return {
      title: t("usage.import.quotaTitle"),
      text: Number.isNaN(needed)
        ? t("usage.import.quotaText", { left })
        : t("usage.import.quotaTextNeeded", { left, needed }),
    };
  }
  if (error.code === "ACCOUNT_EXPIRED") {
    return { title: t("usage.import.expiredTitle"), text: t("usage.import.expiredText") };
  }
  if (error.status === 422) {
    return { title: t("usage.import.refusedTitle"), text: error.message };
  }
  return null;
}

interface CsvImportModalProps {
  account: AccountDetail;
  opened: boolean;
  onClose: () => void;
}

/**
 * A SuperAdmin uploads or pastes a CSV of datapoints. Every line is checked in the browser with the
 * API's rules and all faults are listed with their line; only a clean file is sent, all or nothing.
 */
export function CsvImportModal({ account, opened, onClose }: CsvImportModalProps) {
  const t = useT();
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [lineErrors, setLineErrors] = useState<CsvLineError[]>([]);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // One key per import attempt: resending the same file after a lost answer registers it once.
  const [attempt, setAttempt] = useState(() => crypto.randomUUID());
  const register = useRegisterDatapoints();

  const change = (next: string) => {
    setText(next);
    setLineErrors([]);
    setRefusal(null);
    setAttempt(crypto.randomUUID());
  };

  const close = () => {
    change("");
    setFileName(null);
    onClose();
  };

  const load = async (file: File | null) => {
    if (!file) return;
    setFileName(file.name);
    change(await file.text());
  };

  const submit = () => {
    const checked = checkDatapointsCsv(text, t);
    if (!checked.ok) {
      setLineErrors(checked.errors);
      setRefusal(null);
      return;
    }
    setLineErrors([]);
    register.mutate(
      { accountId: account.id, datapoints: checked.datapoints, idempotencyKey: attempt },
      {
        onSuccess: (result) => {
          const again = result.alreadyRegistered.length;
          notifications.show({
            color: "green",
            title: t("usage.import.registered", { count: result.registered.length }),
            message:
              again > 0
                ? t("usage.import.againLeft", { again, left: result.datapoints.left })
                : t("usage.import.left", { left: result.datapoints.left }),
          });
          close();
        },
        onError: (error) => {
          const known = error instanceof ApiError ? refusalOf(error, t) : null;
          if (known) setRefusal(known);
          else notifyError(error);
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t("usage.import.title", { account: account.name })}
      size="xl"
      centered
    >
      <Stack gap="md">
        <Text size="sm">
          <FormattedMessage
            id="usage.import.intro"
            values={{
              columns: CSV_COLUMNS.join(","),
              max: MAX_BATCH,
              code: (chunks) => <Code>{chunks}</Code>,
            }}
          />
        </Text>
        <Group gap="sm">
          <FileButton onChange={(file) => void load(file)} accept=".csv,text/csv,text/plain">
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconUpload size={16} />}>
                {t("usage.import.upload")}
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed">
            {fileName ? t("usage.import.loaded", { fileName }) : t("usage.import.orPaste")}
          </Text>
        </Group>
        <Textarea
          label={t("usage.import.csv")}
          placeholder={`${CSV_COLUMNS.join(",")}\n${t("usage.import.example")}`}
          value={text}
          onChange={(event) => change(event.currentTarget.value)}
          autosize
          minRows={6}
          maxRows={14}
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 13 } }}
          spellCheck={false}
        />
        {lineErrors.length > 0 && (
          <Alert
            color="red"
            icon={<IconAlertTriangle size={18} />}
            title={t("usage.import.errors", { count: lineErrors.length })}
            role="alert"
          >
            <ScrollArea.Autosize mah={220}>
              <List size="sm" spacing={2} aria-label={t("usage.import.errorsByLine")}>
                {lineErrors.map((error) => (
                  <List.Item key={`${error.line}:${error.message}`}>
                    <Text span fw={600} size="sm">
                      {t("usage.import.line", { line: error.line })}
                    </Text>{" "}
                    {error.message}
                  </List.Item>
                ))}
              </List>
            </ScrollArea.Autosize>
          </Alert>
        )}
        {refusal && (
          <Alert
            color="red"
            icon={<IconAlertTriangle size={18} />}
            title={refusal.title}
            role="alert"
          >
            {refusal.text}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t("common.cancel")}
          </Button>
          <Button onClick={submit} loading={register.isPending} disabled={text.trim() === ""}>
            {t("usage.import.submit")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
