/**
 * The account's usage over time: datapoints used against contracted, and SMS credits spent, per
 * day, week or month. A plain SVG drawn to the card's width (no chart library: it would weigh more
 * than the page), described for screen readers by a summary and a table of every period.
 */
import {
  DEFAULT_THEME,
  Group,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import type { UsageHistory, UsagePeriod } from "@shared/api/usage.ts";
import { addDays, addMonths } from "@shared/domain/calendar.ts";
import { isUsageInterval, type UsageInterval } from "@shared/domain/usage-history.ts";
import { useId, useMemo, useState } from "react";
import { useIntl } from "react-intl";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { ink } from "../../../lib/ink.ts";
import { type HistoryRange, useUsageHistory } from "../api/history.ts";

const { colors } = DEFAULT_THEME;
/** Lines and bars need 3:1 against white (WCAG 1.4.11); these reach 3.5:1 or more. */
const USED = colors.blue[7];
const CONTRACTED = colors.gray[7];
const SPENT = colors.violet[6];

/** How far back each interval looks: 30 days, 26 weeks, 12 months, to today. */
function rangeOf(interval: UsageInterval, today: string): HistoryRange {
  const from =
    interval === "day"
      ? addDays(today, -29)
      : interval === "week"
        ? addDays(today, -7 * 25)
        : addMonths(today, -11);
  return { from, to: today, interval };
}

/** Today in the browser's calendar; the server cuts periods in the partner's. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A round top for the axis: 1, 2 or 5 times a power of ten. */
function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

function usePeriodLabels(interval: UsageInterval) {
  const { locale } = useIntl();
  const format = useFormat();
  return useMemo(() => {
    const short = new Intl.DateTimeFormat(
      locale,
      interval === "month"
        ? { month: "short", year: "2-digit", timeZone: "UTC" }
        : { day: "numeric", month: "short", timeZone: "UTC" },
    );
    const monthLong = new Intl.DateTimeFormat(locale, {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    const at = (day: string) => new Date(`${day}T00:00:00Z`);
    return {
      short: (p: UsagePeriod) => short.format(at(p.start)),
      long: (p: UsagePeriod) =>
        interval === "day"
          ? format.date(p.start)
          : interval === "month"
            ? monthLong.format(at(p.start))
            : `${format.date(p.start)} – ${format.date(p.end)}`,
    };
  }, [locale, interval, format]);
}

function Chart({ history, width }: { history: UsageHistory; width: number }) {
  const t = useT();
  const format = useFormat();
  const labels = usePeriodLabels(history.interval);
  const titleId = useId();
  const descId = useId();
  const { periods } = history;
  const n = periods.length;

  const left = 44;
  const right = 8;
  const top = 8;
  const lineHeight = 150;
  const axisGap = 22;
  const barsHeight = 48;
  const height = top + lineHeight + axisGap + barsHeight + 4;
  const plotWidth = Math.max(1, width - left - right);
  const step = plotWidth / Math.max(1, n);
  const x = (i: number) => left + (i + 0.5) * step;

  const yMax = niceCeiling(
    Math.max(0, ...periods.flatMap((p) => [p.datapoints.used ?? 0, p.datapoints.contracted ?? 0])),
  );
  const y = (value: number) => top + lineHeight - (value / yMax) * lineHeight;
  const spentMost = Math.max(0, ...periods.map((p) => p.smsCredits.spent));
  const spentMax = Math.max(1, spentMost);
  const barsTop = top + lineHeight + axisGap;

  const line = (value: (p: UsagePeriod) => number | null) =>
    periods
      .map((p, i) => [i, value(p)] as const)
      .filter((point): point is readonly [number, number] => point[1] !== null)
      .map(([i, v], k) => `${k === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(v).toFixed(1)}`)
      .join(" ");
  const used = line((p) => p.datapoints.used);
  const contracted = line((p) => p.datapoints.contracted);
  const opened = periods.findIndex((p) => p.datapoints.used !== null);
  const lastOpened = periods.findLastIndex((p) => p.datapoints.used !== null);
  const area =
    opened >= 0
      ? `${used} L${x(lastOpened).toFixed(1)},${y(0)} L${x(opened).toFixed(1)},${y(0)} Z`
      : "";

  // As many date labels as fit, about one per 56 px.
  const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(plotWidth / 56))));

  const first = periods[opened];
  const last = periods[lastOpened];
  const summary =
    first && last
      ? t("usage.history.summary", {
          from: format.date(first.start),
          to: format.date(last.end),
          usedFrom: first.datapoints.used ?? 0,
          usedTo: last.datapoints.used ?? 0,
          contracted: last.datapoints.contracted ?? 0,
          spent: periods.reduce((sum, p) => sum + p.smsCredits.spent, 0),
        })
      : t("usage.history.empty");

  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      style={{ display: "block", fontFamily: "inherit" }}
    >
      <title id={titleId}>{t("usage.history.title")}</title>
      <desc id={descId}>{summary}</desc>
      {[0, 0.5, 1].map((share) => (
        <g key={share}>
          <line
            x1={left}
            x2={width - right}
            y1={y(yMax * share)}
            y2={y(yMax * share)}
            stroke={colors.gray[3]}
          />
          <text
            x={left - 6}
            y={y(yMax * share) + 4}
            textAnchor="end"
            fontSize={11}
            fill={ink("gray")}
          >
            {format.number(yMax * share)}
          </text>
        </g>
      ))}
      {area && <path d={area} fill={USED} fillOpacity={0.12} />}
      {contracted && (
        <path
          d={contracted}
          fill="none"
          stroke={CONTRACTED}
          strokeWidth={2}
          strokeDasharray="6 4"
        />
      )}
      {used && <path d={used} fill="none" stroke={USED} strokeWidth={2.5} />}
      {periods.map((p, i) =>
        i % every === 0 ? (
          <text
            key={p.start}
            x={x(i)}
            y={top + lineHeight + 15}
            textAnchor="middle"
            fontSize={11}
            fill={ink("gray")}
          >
            {labels.short(p)}
          </text>
        ) : null,
      )}
      {periods.map((p, i) =>
        p.smsCredits.spent > 0 ? (
          <rect
            key={p.start}
            x={x(i) - Math.max(1, step * 0.3)}
            width={Math.max(2, step * 0.6)}
            y={barsTop + barsHeight - (p.smsCredits.spent / spentMax) * barsHeight}
            height={(p.smsCredits.spent / spentMax) * barsHeight}
            fill={SPENT}
          />
        ) : null,
      )}
      <line
        x1={left}
        x2={width - right}
        y1={barsTop + barsHeight}
        y2={barsTop + barsHeight}
        stroke={colors.gray[4]}
      />
      <text x={left - 6} y={barsTop + 10} textAnchor="end" fontSize={11} fill={ink("gray")}>
        {format.number(spentMost)}
      </text>
    </svg>
  );
}

function Swatch({ color, dashed, label }: { color: string; dashed?: boolean; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <svg width={20} height={10} aria-hidden="true">
        {dashed ? (
          <line x1={0} x2={20} y1={5} y2={5} stroke={color} strokeWidth={2} strokeDasharray="6 4" />
        ) : (
          <rect x={0} y={1} width={20} height={8} fill={color} />
        )}
      </svg>
      <Text size="sm">{label}</Text>
    </Group>
  );
}

function PeriodTable({ history }: { history: UsageHistory }) {
  const t = useT();
  const format = useFormat();
  const labels = usePeriodLabels(history.interval);
  const value = (v: number | null) => (v === null ? "–" : format.number(v));
  return (
    <VisuallyHidden>
      <Table>
        <caption>{t("usage.history.caption")}</caption>
        <thead>
          <tr>
            <th>{t("usage.history.period")}</th>
            <th>{t("usage.history.used")}</th>
            <th>{t("usage.history.contracted")}</th>
            <th>{t("usage.history.registered")}</th>
            <th>{t("usage.history.released")}</th>
            <th>{t("usage.history.smsSpent")}</th>
            <th>{t("usage.history.smsLeft")}</th>
          </tr>
        </thead>
        <tbody>
          {history.periods.map((p) => (
            <tr key={p.start}>
              <th scope="row">{labels.long(p)}</th>
              <td>{value(p.datapoints.used)}</td>
              <td>{value(p.datapoints.contracted)}</td>
              <td>{format.number(p.datapoints.registered)}</td>
              <td>{format.number(p.datapoints.released)}</td>
              <td>{format.number(p.smsCredits.spent)}</td>
              <td>{value(p.smsCredits.left)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </VisuallyHidden>
  );
}

/** Datapoints used and contracted over time, and SMS credits spent, by day, week or month. */
export function UsageHistoryCard({ accountId }: { accountId: string }) {
  const t = useT();
  const [interval, chooseInterval] = useState<UsageInterval>("week");
  const today = useMemo(localToday, []);
  const history = useUsageHistory(accountId, rangeOf(interval, today));
  const { ref, width } = useElementSize();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="usage-history-title">
      <Group justify="space-between" mb="md" gap="sm">
        <Title order={4} id="usage-history-title">
          {t("usage.history.title")}
        </Title>
        <SegmentedControl
          size="xs"
          aria-label={t("usage.history.interval")}
          value={interval}
          onChange={(value) => {
            if (isUsageInterval(value)) chooseInterval(value);
          }}
          data={[
            { value: "day", label: t("usage.history.days") },
            { value: "week", label: t("usage.history.weeks") },
            { value: "month", label: t("usage.history.months") },
          ]}
        />
      </Group>
      <Stack gap="sm">
        <div ref={ref} style={{ minHeight: 232 }}>
          {history.data && width > 0 ? (
            <>
              <Chart history={history.data} width={width} />
              <PeriodTable history={history.data} />
            </>
          ) : history.isError ? (
            <Text size="sm">{t("usage.history.error")}</Text>
          ) : (
            <Skeleton height={232} />
          )}
        </div>
        <Group gap="lg" wrap="wrap">
          <Swatch color={USED} label={t("usage.history.used")} />
          <Swatch color={CONTRACTED} dashed label={t("usage.history.contracted")} />
          <Swatch color={SPENT} label={t("usage.history.smsSpent")} />
        </Group>
      </Stack>
    </Paper>
  );
}
