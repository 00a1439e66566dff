import { PageHeader } from "../../components/page-header.tsx";
import { AutoApprovalRules } from "../../features/review/index.ts";
import { useT } from "../../lib/i18n.tsx";

export function AutoApprovalRulesRoute() {
  const t = useT();
  return (
    <>
      <PageHeader title={t("review.rules.title")} description={t("review.rules.description")} />
      <AutoApprovalRules />
    </>
  );
}
