import {
  Button,
  Divider,
  Group,
  Popover,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { useInterval } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { advanceTestClockBody } from "@shared/api/lifecycle.ts";
import { IconClockBolt, IconPlayerTrackNext } from "@tabler/icons-react";
import { type FormEvent, useEffect, useState } from "react";
import { Fact } from "../../../components/fact.tsx";
import { ApiError, fieldErrorsOf } from "../../../lib/api.ts";
import { useFormat } from "../../../lib/format.ts";
import { type Translate, useT } from "../../../lib/i18n.tsx";
import { ink } from "../../../lib/ink.ts";
import { notifyError } from "../../../lib/query-client.ts";
import { formErrorsOf } from "../../../lib/zod-form.ts";
import { useAdvanceTestClock } from "../api/test-clock.ts";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const STEPS = [
  { duration: "P1D", days: 1 },
  { duration: "P7D", days: 7 },
  { duration: "P30D", days: 30 },
];

/** "30 days 4 h ahead", "real time". */
function aheadBy(t: Translate, offsetMs: number): string {
  if (offsetMs < 60_000) return t("testClock.realTime");
  const days = Math.floor(offsetMs / DAY_MS);
  const hours = Math.floor((offsetMs % DAY_MS) / HOUR_MS);
  if (days > 0 && hours > 0) return t("testClock.aheadDaysHours", { days, hours });
  if (days > 0) return t("testClock.aheadDays", { days });
  if (hours > 0) return t("testClock.aheadHours", { hours });
  return t("testClock.aheadLessThanHour");
}

/** The application's time as it runs on: real time plus the clock's offset, ticking each half minute. */
function useShiftedNow(offsetMs: number): string {
  const [realNow, setRealNow] = useState(() => Date.now());
  const interval = useInterval(() => setRealNow(Date.now()), 30_000);
  useEffect(() => {
    interval.start();
    return interval.stop;
  }, [interval.start, interval.stop]);
  return new Date(realNow + offsetMs).toISOString();
}

/** The application's (shifted) time in the header, opening the controls that move it forward. */
export function TestClockPopover({ offsetMs }: { offsetMs: number }) {
  const t = useT();
  const format = useFormat();
  const now = useShiftedNow(offsetMs);
  const advance = useAdvanceTestClock();
  const [custom, setCustom] = useState("");
  const [error, setError] = useState<string | null>(null);

  const move = (duration: string) => {
    setError(null);
    advance.mutate(duration, {
      onSuccess: (clock) =>
        notifications.show({
          color: "orange",
          title: t("testClock.advanced"),
          message: t("testClock.advancedMessage", {
            time: format.dateTime(clock.now),
            offset: aheadBy(t, clock.offsetMs),
          }),
        }),
      onError: (failure) => {
        const field = failure instanceof ApiError ? fieldErrorsOf(failure).duration : undefined;
        if (field) setError(field);
        else notifyError(failure);
      },
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = advanceTestClockBody.safeParse({ duration: custom.trim() });
    if (!parsed.success) {
      setError(formErrorsOf(parsed.error).duration ?? t("testClock.giveDuration"));
      return;
    }
    move(parsed.data.duration);
  };

  return (
    <Popover
      position="bottom-end"
      width="min(400px, calc(100vw - 32px))"
      shadow="md"
      withinPortal
      trapFocus
    >
      <Popover.Target>
        <UnstyledButton
          aria-label={t("testClock.button", { time: format.dateTime(now) })}
          px="sm"
          py={6}
          bg="orange.0"
          bd="1px solid var(--mantine-color-orange-3)"
          style={{ borderRadius: 8 }}
        >
          <Group gap={8} wrap="nowrap">
            <IconClockBolt size={18} color="var(--mantine-color-orange-7)" />
            <Stack gap={0}>
              {/* On a phone the header has room for the time only; the button's name says the rest. */}
              <Text size="xs" fw={700} c={ink("orange")} tt="uppercase" lh={1.2} visibleFrom="xs">
                {t("testClock.title")}
              </Text>
              <Text size="sm" fw={600} lh={1.3}>
                {format.dateTime(now)}
              </Text>
            </Stack>
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown p="md">
        <Stack gap="sm">
          <Stack gap={2}>
            <Text fw={700}>{t("testClock.title")}</Text>
            <Text size="sm" c="dimmed">
              {t("testClock.description")}
            </Text>
          </Stack>
          <SimpleGrid cols={2} spacing="sm">
            <Fact label={t("testClock.applicationTime")}>{format.dateTime(now)}</Fact>
            <Fact label={t("testClock.offset")}>{aheadBy(t, offsetMs)}</Fact>
          </SimpleGrid>
          <Divider />
          <Group gap="xs" grow>
            {STEPS.map((step) => (
              <Button
                key={step.duration}
                variant="light"
                color="orange"
                aria-label={t("testClock.stepName", { days: step.days })}
                // Not `disabled`: a disabled button drops the keyboard focus to the page, and
                // Escape would no longer close the controls while the clock moves.
                data-disabled={advance.isPending || undefined}
                onClick={() => {
                  if (!advance.isPending) move(step.duration);
                }}
              >
                {t("testClock.step", { days: step.days })}
              </Button>
            ))}
          </Group>
          <form onSubmit={submit} noValidate>
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                label={t("testClock.customDuration")}
                description={t("testClock.customDurationDescription")}
                placeholder="P3DT12H"
                value={custom}
                onChange={(event) => {
                  setCustom(event.currentTarget.value);
                  setError(null);
                }}
                error={error}
                style={{ flex: 1 }}
              />
              <Button
                type="submit"
                color="orange"
                mt={44}
                loading={advance.isPending}
                leftSection={<IconPlayerTrackNext size={16} />}
              >
                {t("testClock.advance")}
              </Button>
            </Group>
          </form>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
