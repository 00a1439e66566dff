import { type ComponentProps, lazy, Suspense } from "react";

const ChangeAccountModal = lazy(async () => ({
  default: (await import("./change-account-modal.tsx")).ChangeAccountModal,
}));

/**
 * The form of a change, its code (the forms, their rules, the preview) downloaded when a change is
 * first asked for: the lists and the account page show without it.
 */
export function LazyChangeAccountModal(props: ComponentProps<typeof ChangeAccountModal>) {
  return (
    <Suspense fallback={null}>
      <ChangeAccountModal {...props} />
    </Suspense>
  );
}
