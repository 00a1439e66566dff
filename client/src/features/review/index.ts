/** Customer Success's side of applications: the queue, the review and the auto-approval rules. */
export { useApplicationForReview } from "./api/application.ts";
export { ApplicationReview } from "./components/application-review.tsx";
export { AutoApprovalRules } from "./components/auto-approval-rules.tsx";
export { ReviewQueue } from "./components/review-queue.tsx";
