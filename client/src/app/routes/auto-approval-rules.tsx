import { PageHeader } from "../../components/page-header.tsx";
import { AutoApprovalRules } from "../../features/review/index.ts";

export function AutoApprovalRulesRoute() {
  return (
    <>
      <PageHeader
        title="Auto-approval rules"
        description="Kinds of application approved as soon as a SuperAdmin files them; the others wait in the review queue."
      />
      <AutoApprovalRules />
    </>
  );
}
