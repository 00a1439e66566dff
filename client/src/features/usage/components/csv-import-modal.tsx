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
import { ApiError } from "../../../lib/api.ts";
import { count, formatNumber } from "../../../lib/format.ts";
import { notifyError } from "../../../lib/query-client.ts";
import { useRegisterDatapoints } from "../api/register-datapoints.ts";
import { CSV_COLUMNS, type CsvLineError, checkDatapointsCsv } from "../csv-import.ts";

const EXAMPLE = `${CSV_COLUMNS.join(",")}
pt-0001,Main meter active energy,Main meter,meter
pt-0002,"Outdoor temperature, roof",Weather station,weather`;

type Refusal = { title: string; text: string };

function refusalOf(error: ApiError): Refusal | null {
  if (error.code === "QUOTA_EXCEEDED") {
    const left = Number(error.extensions.datapointsLeft ?? 0);
    const needed = Number(error.extensions.datapointsNeeded ?? Number.NaN);
    return {
      title: "Not enough datapoints left: nothing was registered",
      text: `The account has ${count(left, "datapoint")} left${
        Number.isNaN(needed) ? "" : ` and this import needs ${formatNumber(needed)}`
      }. Import fewer billable datapoints, or apply for more datapoints first.`,
    };
  }
  if (error.code === "ACCOUNT_EXPIRED") {
    return {
      title: "The account has expired: nothing was registered",
      text: "An expired account accepts no new datapoints. Renew its subscription first.",
    };
  }
  if (error.status === 422) {
    return { title: "The import was refused: nothing was registered", text: error.message };
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
    const checked = checkDatapointsCsv(text);
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
            title: `${count(result.registered.length, "datapoint")} registered`,
            message: `${again > 0 ? `${count(again, "was", "were")} already registered and did not count again. ` : ""}${formatNumber(result.datapoints.left)} DP left.`,
          });
          close();
        },
        onError: (error) => {
          const known = error instanceof ApiError ? refusalOf(error) : null;
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
      title={`Import datapoints into ${account.name}`}
      size="xl"
      centered
    >
      <Stack gap="md">
        <Text size="sm">
          One datapoint per line, after a header line <Code>{CSV_COLUMNS.join(",")}</Code>. Quote a
          field that holds a comma. At most {formatNumber(MAX_BATCH)} datapoints per import; the
          whole file is registered, or nothing.
        </Text>
        <Group gap="sm">
          <FileButton onChange={(file) => void load(file)} accept=".csv,text/csv,text/plain">
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconUpload size={16} />}>
                Upload a CSV file
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed">
            {fileName ? `Loaded ${fileName}` : "or paste it below"}
          </Text>
        </Group>
        <Textarea
          label="CSV"
          placeholder={EXAMPLE}
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
            title={`${count(lineErrors.length, "error")} in the file: nothing was registered`}
            role="alert"
          >
            <ScrollArea.Autosize mah={220}>
              <List size="sm" spacing={2} aria-label="Errors by line">
                {lineErrors.map((error) => (
                  <List.Item key={`${error.line}:${error.message}`}>
                    <Text span fw={600} size="sm">
                      Line {error.line}:
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
            Cancel
          </Button>
          <Button onClick={submit} loading={register.isPending} disabled={text.trim() === ""}>
            Import datapoints
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
