import { Alert, SimpleGrid, Stack } from "@mantine/core";
import { LoadingState } from "../../components/loading-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { TitledCard } from "../../components/titled-card.tsx";
import {
  ChangePasswordForm,
  ProfileForm,
  SessionsList,
  useProfile,
} from "../../features/profile/index.ts";
import { useT } from "../../lib/i18n.tsx";

export function ProfileRoute() {
  const t = useT();
  const profile = useProfile();
  return (
    <>
      <PageHeader title={t("profile.title")} description={t("profile.description")} />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <TitledCard title={t("profile.aboutYou")}>
            {profile.isPending ? (
              <LoadingState />
            ) : profile.isError ? (
              <Alert color="red" role="alert" title={t("profile.couldNotLoad")}>
                {profile.error.message}
              </Alert>
            ) : (
              <ProfileForm profile={profile.data} />
            )}
          </TitledCard>
          <TitledCard title={t("auth.password")}>
            <ChangePasswordForm />
          </TitledCard>
        </SimpleGrid>
        <TitledCard title={t("profile.sessions")}>
          <SessionsList />
        </TitledCard>
      </Stack>
    </>
  );
}
