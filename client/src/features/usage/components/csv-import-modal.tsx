import {
  Alert,
  Button,
  Code,
  FileButton,
  Group,
  List,
  Modal,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { AccountDetail } from "@shared/api/accounts.ts";
import { previewImport } from "@shared/domain/datapoints-csv.ts";
import { MAX_BATCH } from "@shared/domain/usage.ts";
import { IconAlertTriangle, IconDownload, IconUpload } from "@tabler/icons-react";
import { useId, useMemo, useState } from "react";
import { FormattedMessage } from "react-intl";
import { ApiError, localise } from "../../../lib/api.ts";
import { datapointKindLabel } from "../../../lib/datapoint-kinds.ts";
import { type Translate, useLanguage, useT } from "../../../lib/i18n.tsx";
import { notifyError } from "../../../lib/query-client.ts";
import { useRegisterDatapoints } from "../api/register-datapoints.ts";
import {
  CSV_COLUMNS,
  type CsvLineError,
  checkDatapointsCsv,
  csvSeparatorOf,
  datapointsCsvTemplate,
} from "../csv-import.ts";

type Refusal = { title: string; text: string };

/** Saves `text` as a CSV file, with a byte-order mark so that spreadsheets read it as UTF-8. */
function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob(["\uFEFF", text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

interface ImportPreviewProps {
  datapoints: Parameters<typeof previewImport>[0];
  left: number;
}

/** How many lines, how many count toward the contract, and what the contract would have left. */
function ImportPreview({ datapoints, left }: ImportPreviewProps) {
  const t = useT();
  const titleId = useId();
  const preview = previewImport(datapoints, left);
  const short = preview.leftAfter < 0;
  return (
    <Paper
      component="section"
      aria-labelledby={titleId}
      withBorder
      radius="md"
      p="sm"
      bg={short ? "var(--mantine-color-orange-light)" : "var(--mantine-color-blue-light)"}
    >
      <Title order={3} size="h6" id={titleId} mb={4}>
        {t("usage.import.preview")}
      </Title>
      <List size="sm" spacing={2}>
        <List.Item>{t("usage.import.preview.rows", { rows: preview.rows })}</List.Item>
        <List.Item>{t("usage.import.preview.billable", { billable: preview.billable })}</List.Item>
        <List.Item>
          {t("usage.import.preview.notBillable", { notBillable: preview.notBillable })}
        </List.Item>
        {!short && (
          <List.Item>
            {t("usage.import.preview.leftAfter", { leftAfter: preview.leftAfter, left })}
          </List.Item>
        )}
      </List>
      <Text size="sm" mt={4} fw={short ? 600 : undefined}>
        {short
          ? t("usage.import.preview.short", { left, billable: preview.billable })
          : t("usage.import.preview.again")}
      </Text>
    </Paper>
  );
}

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
  const { language } = useLanguage();
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [lineErrors, setLineErrors] = useState<CsvLineError[]>([]);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // One key per import attempt: resending the same file after a lost answer registers it once.
  const [attempt, setAttempt] = useState(() => crypto.randomUUID());
  const register = useRegisterDatapoints();
  // Checked as it is typed or loaded: a clean file shows what it would do before it is sent.
  const checked = useMemo(
    () => (text.trim() === "" ? null : checkDatapointsCsv(text, t)),
    [text, t],
  );
  const template = datapointsCsvTemplate(t, language);
  const separator = csvSeparatorOf(language);

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
    if (!checked) return;
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
          const count = result.registered.length;
          const billable = result.registered.filter((datapoint) => datapoint.billable).length;
          const again = result.alreadyRegistered.length;
          notifications.show({
            color: "green",
            title: t("usage.import.registered", { count }),
            message: [
              count > 0 && t("usage.import.counted", { billable, count }),
              again > 0 && t("usage.import.again", { again }),
              t("usage.import.left", { left: result.datapoints.left }),
            ]
              .filter(Boolean)
              .join(" "),
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
              columns: CSV_COLUMNS.join(separator),
              meter: datapointKindLabel(t, "meter"),
              max: MAX_BATCH,
              code: (chunks) => <Code>{chunks}</Code>,
            }}
          />
        </Text>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            onClick={() => download(t("usage.import.templateFile"), template)}
          >
            {t("usage.import.template")}
          </Button>
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
          placeholder={template.replaceAll("\r\n", "\n")}
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
                    {error.column ? `${error.column}: ` : ""}
                    {localise(error.message)}
                  </List.Item>
                ))}
              </List>
            </ScrollArea.Autosize>
          </Alert>
        )}
        {checked?.ok && !refusal && (
          <ImportPreview datapoints={checked.datapoints} left={account.datapoints.left} />
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
